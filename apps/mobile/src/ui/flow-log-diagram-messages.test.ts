import { layoutSequenceDiagram } from '@oauth-ref/flow-diagram';
import { appendFlowSteps, createFlowStep, type FlowField } from '@oauth-ref/pkce-client';
import { describe, expect, it } from 'vitest';
import { buildFlowLogMessages, MOBILE_LIFELINES } from './flow-log-diagram-messages.js';

const plain = (label: string, value: string): FlowField => ({ label, value, sensitivity: 'plain' });
const jwt = `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${Buffer.from('{"sub":"a"}').toString('base64url')}.c2lnbmF0dXJl`;

const log = appendFlowSteps(
  [],
  createFlowStep('discovery', { outcome: 'ok', fields: [plain('issuer', 'http://op')] }),
  createFlowStep('verifier', {
    fields: [{ label: 'code_verifier', value: 'v'.repeat(43), sensitivity: 'secret' }],
  }),
  createFlowStep('authorization-request', {
    fields: [
      plain('endpoint', 'http://op/auth'),
      plain('response_type', 'code'),
      plain('code_challenge_method', 'S256'),
    ],
  }),
  createFlowStep('callback', {
    fields: [
      plain('redirect_uri', 'http://app/callback'),
      { label: 'code', value: 'the-code-value', sensitivity: 'secret' },
      plain('iss', 'http://op'),
    ],
  }),
  createFlowStep('callback-checks', { outcome: 'ok' }),
  createFlowStep('token-request', {
    fields: [plain('endpoint', 'POST http://op/token'), plain('grant_type', 'authorization_code')],
  }),
  createFlowStep('token-response', {
    fields: [
      { label: 'access_token', value: jwt, sensitivity: 'token' },
      plain('scope', 'notes:read'),
    ],
  }),
  createFlowStep('api-request', {
    outcome: 'refused',
    fields: [
      plain('request', 'GET http://api/notes'),
      plain('authorization', 'DPoP <access_token>'),
      plain('status', '401'),
      plain('explanation', 'expired'),
      plain('WWW-Authenticate', 'DPoP error="invalid_token"'),
      plain('response', '{}'),
    ],
  }),
  createFlowStep('refresh', { fields: [plain('scope', 'notes:read')] }),
  createFlowStep('revocation', {
    fields: [
      plain('endpoint', 'POST http://op/token/revocation'),
      plain('token_type_hint', 'refresh_token'),
    ],
  }),
  createFlowStep('logout', {
    fields: [
      plain('endpoint', 'http://op/session/end'),
      { label: 'id_token_hint', value: jwt, sensitivity: 'token' },
    ],
  }),
  createFlowStep('error', { outcome: 'refused', title: 'Refused: x' }),
);

const messages = buildFlowLogMessages(log);

describe('buildFlowLogMessages', () => {
  it('draws each request of the log, in order, between app, provider and API', () => {
    expect(messages.map((m) => `${m.from}→${m.to} ${m.label}`)).toEqual([
      'app→provider GET /.well-known/openid-configuration',
      'provider→app 200 metadata',
      'app→provider GET /auth (authorization request)',
      'provider→app redirect to /callback (callback)',
      'app→provider POST /token (code exchange)',
      'provider→app 200 tokens',
      'app→api GET /notes',
      'api→app 401',
      'app→provider POST token_endpoint (refresh)',
      'provider→app 200 new tokens',
      'app→provider POST /token/revocation (revocation)',
      'app→provider GET /session/end (logout)',
    ]);
    expect(messages.map((m) => m.eventId)).toEqual([
      '1',
      '1',
      '3',
      '4',
      '6',
      '7',
      '8',
      '8',
      '9',
      '9',
      '10',
      '11',
    ]);
  });

  it('marks answers and refusals, and puts the challenge on the answer', () => {
    expect(messages[7]).toMatchObject({ kind: 'error' });
    expect(messages[7]?.params).toEqual([
      ['explanation', 'expired'],
      ['WWW-Authenticate', 'DPoP error="invalid_token"'],
    ]);
    expect(messages[6]?.params).toEqual([['authorization', 'DPoP <access_token>']]);
    expect(messages[3]?.kind).toBe('response');
  });

  it('shows secrets and tokens masked, never their values', () => {
    const text = JSON.stringify(messages);
    expect(text).not.toContain('the-code-value');
    expect(text).not.toContain(jwt);
    expect(text).not.toContain('v'.repeat(43));
  });

  it('lays out on the three mobile lifelines', () => {
    const model = layoutSequenceDiagram(MOBILE_LIFELINES, messages, { title: 't', margin: 0 });
    expect(model.lifelines.map((line) => line.x / model.width)).toEqual([1 / 6, 0.5, 5 / 6]);
    expect(model.arrows).toHaveLength(12);
  });
});
