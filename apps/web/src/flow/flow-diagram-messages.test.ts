import { layoutSequenceDiagram } from '@oauth-ref/flow-diagram';
import { describe, expect, it } from 'vitest';
import { describeTokenResponse } from '@oauth-ref/web-auth';
import { buildFlowDiagramMessages, WEB_LIFELINES } from './flow-diagram-messages';
import type { FlowEventView } from './flow-event-store';
import type { FlowDetail, FlowStep } from './flow-event-types';

let next = 0;
const event = (step: FlowStep, detail: FlowDetail): FlowEventView => ({
  id: `e${++next}`,
  flowId: 'f',
  step,
  detail,
  createdAt: new Date(1_800_000_000_000 + next * 1000),
});

const jwt = (claims: object) =>
  `${Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'at+jwt' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

const session = [
  event('authorization_request', {
    endpoint: 'http://localhost:4000/auth',
    params: { response_type: 'code', scope: 'openid notes:read', code_challenge_method: 'S256' },
  }),
  event('callback', { params: { code: '[43 characters]', state: 's', iss: 'http://op' } }),
  event(
    'token_response',
    describeTokenResponse({
      access_token: jwt({ scope: 'notes:read' }),
      refresh_token: 'opaque-refresh',
      token_type: 'bearer',
      scope: 'openid notes:read',
      expires_at: 1_800_000_060,
    }),
  ),
  event('api_call', { method: 'GET', path: '/notes', status: 401, error: 'invalid_token' }),
  event(
    'refresh',
    describeTokenResponse({ access_token: jwt({ n: 2 }) }, { refreshTokenRotated: true }),
  ),
  event('api_call', { method: 'GET', path: '/notes', status: 200, error: null }),
  event('refresh_rejected', { error: 'invalid_grant' }),
  event('callback_rejected', { error: 'state_mismatch', reason: 'state differs' }),
];

const messages = buildFlowDiagramMessages(session, {
  callbackPath: '/api/auth/callback/oauth-ref',
});

describe('buildFlowDiagramMessages', () => {
  it('draws each recorded request, in order, between the right lifelines', () => {
    expect(messages.map((m) => `${m.from}→${m.to} ${m.label}`)).toEqual([
      'browser→provider GET /auth (authorization request)',
      'browser→web GET /api/auth/callback/oauth-ref (callback)',
      'web→provider POST token_endpoint (code exchange)',
      'provider→web 200 tokens',
      'web→api GET /notes',
      'api→web 401 invalid_token',
      'web→provider POST token_endpoint (refresh)',
      'provider→web 200 new tokens',
      'web→api GET /notes',
      'api→web 200',
      'web→provider POST token_endpoint (refresh)',
      'provider→web 400 invalid_grant',
      'browser→web GET /api/auth/callback/oauth-ref: refused, state_mismatch',
    ]);
  });

  it('ties every arrow to its event and marks answers and refusals', () => {
    expect(messages.map((m) => m.eventId)).toEqual([
      'e1',
      'e2',
      'e3',
      'e3',
      'e4',
      'e4',
      'e5',
      'e5',
      'e6',
      'e6',
      'e7',
      'e7',
      'e8',
    ]);
    expect(messages.map((m) => m.kind ?? 'request')).toEqual([
      'request',
      'request',
      'request',
      'response',
      'request',
      'error',
      'request',
      'response',
      'request',
      'response',
      'request',
      'error',
      'error',
    ]);
  });

  it('carries the recorded parameters, and never a token or code', () => {
    expect(messages[0]?.params).toEqual([
      ['response_type', 'code'],
      ['scope', 'openid notes:read'],
      ['code_challenge_method', 'S256'],
    ]);
    expect(messages[1]?.params).toContainEqual(['code', '[43 characters]']);
    expect(messages[3]?.params).toContainEqual(['scope', 'openid notes:read']);
    expect(messages[3]?.params).toContainEqual(['expires_at', '2027-01-15T08:01:00.000Z']);
    expect(messages[7]?.params).toContainEqual(['refresh token rotated', 'yes']);
    const text = JSON.stringify(messages);
    expect(text).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(text).not.toContain('opaque-refresh');
    // the inspector's rule: nothing on the page reads as a code_verifier value
    expect(text).not.toContain('"code_verifier"');
  });

  it('lays out with the four web lifelines', () => {
    const model = layoutSequenceDiagram(WEB_LIFELINES, messages, { title: 't' });
    expect(model.lifelines.map((line) => line.label)).toEqual([
      'Browser',
      'Web server',
      'Provider',
      'API',
    ]);
    expect(model.arrows).toHaveLength(13);
  });

  it('draws a sign-out as the logout POST, the revocation and the end-session redirect, id_token_hint redacted', () => {
    const signOut = buildFlowDiagramMessages(
      [
        event('sign_out', {
          revocation: 'revoked',
          endSessionEndpoint: 'http://localhost:4000/session/end',
          params: {
            client_id: 'oauth-ref-web',
            id_token_hint: '[redacted, 812 chars]',
            post_logout_redirect_uri: 'http://localhost:3000/signed-out',
          },
        }),
      ],
      { callbackPath: '/cb' },
    );
    expect(signOut.map((m) => `${m.from}→${m.to} ${m.label}`)).toEqual([
      'browser→web POST /api/logout (same-origin)',
      'web→provider POST revocation_endpoint (RFC 7009)',
      'provider→web 200 revoked',
      'web→browser 303 to end_session_endpoint (session deleted here)',
      'browser→provider GET /session/end (RP-Initiated Logout)',
    ]);
    expect(signOut.at(-1)?.params).toContainEqual(['id_token_hint', '[redacted, 812 chars]']);
    const failed = buildFlowDiagramMessages(
      [event('sign_out', { revocation: 'failed', endSessionEndpoint: null, params: {} })],
      { callbackPath: '/cb' },
    );
    expect(failed.map((m) => `${m.label}:${m.kind ?? 'request'}`)).toEqual([
      'POST /api/logout (same-origin):request',
      'POST revocation_endpoint (RFC 7009):request',
      'revocation failed:error',
      '303 /signed-out (no end-session endpoint):response',
    ]);
  });

  it('draws nothing for a session with no events', () => {
    expect(buildFlowDiagramMessages([], { callbackPath: '/cb' })).toEqual([]);
  });
});
