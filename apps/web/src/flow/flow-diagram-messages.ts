/**
 * The recorded flow events as sequence-diagram messages: who sent which request to whom, with
 * the parameters the event recorded (codes and tokens already redacted when they were stored),
 * and the answer where the event holds one. One request arrow per recorded request; token and API
 * requests also get their response arrow; a sign-out is the logout POST, the revocation and the
 * redirect to the provider's end-session endpoint.
 */
import type { DiagramMessage, Lifeline } from '@oauth-ref/flow-diagram';
import type { FlowEventView } from './flow-event-store';
import type {
  ApiCallDetail,
  AuthorizationRequestDetail,
  CallbackDetail,
  CallbackRejectedDetail,
  RefreshRejectedDetail,
  SignOutDetail,
  TokenResponseDetail,
} from './flow-event-types';

export const WEB_LIFELINES: readonly Lifeline[] = [
  { id: 'browser', label: 'Browser' },
  { id: 'web', label: 'Web server' },
  { id: 'provider', label: 'Provider' },
  { id: 'api', label: 'API' },
];

type Params = Array<[string, string]>;

function tokenAnswer(detail: TokenResponseDetail): Params {
  const params: Params = [];
  if (detail.tokenType) params.push(['token_type', detail.tokenType]);
  if (detail.scope) params.push(['scope', detail.scope]);
  if (detail.expiresAt)
    params.push(['expires_at', new Date(detail.expiresAt * 1000).toISOString()]);
  for (const [name, value] of Object.entries(detail.redacted))
    if (value !== null) params.push([name, value]);
  if (detail.refreshTokenRotated !== undefined)
    params.push(['refresh token rotated', detail.refreshTokenRotated ? 'yes' : 'no']);
  return params;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * @example
 * buildFlowDiagramMessages(await loadFlowEvents(userId), { callbackPath: '/api/auth/callback/oauth-ref' });
 */
export function buildFlowDiagramMessages(
  events: readonly FlowEventView[],
  context: { readonly callbackPath: string },
): DiagramMessage[] {
  return events.flatMap((event): DiagramMessage[] => {
    const eventId = event.id;
    switch (event.step) {
      case 'authorization_request': {
        const detail = event.detail as AuthorizationRequestDetail;
        return [
          {
            from: 'browser',
            to: 'provider',
            label: `GET ${pathOf(detail.endpoint)} (authorization request)`,
            params: Object.entries(detail.params),
            eventId,
          },
        ];
      }
      case 'callback':
        return [
          {
            from: 'browser',
            to: 'web',
            label: `GET ${context.callbackPath} (callback)`,
            params: Object.entries((event.detail as CallbackDetail).params),
            eventId,
          },
        ];
      case 'callback_rejected': {
        const detail = event.detail as CallbackRejectedDetail;
        return [
          {
            from: 'browser',
            to: 'web',
            label: `GET ${context.callbackPath}: refused, ${detail.error}`,
            params: [['reason', detail.reason]],
            kind: 'error',
            eventId,
          },
        ];
      }
      case 'token_response':
        return [
          {
            from: 'web',
            to: 'provider',
            label: 'POST token_endpoint (code exchange)',
            params: [
              ['grant_type', 'authorization_code'],
              ['code', '(the one-time code, not stored here)'],
              ['PKCE', 'the code_verifier (never stored here)'],
              ['client authentication', 'client_secret_basic'],
            ],
            eventId,
          },
          {
            from: 'provider',
            to: 'web',
            label: '200 tokens',
            params: tokenAnswer(event.detail as TokenResponseDetail),
            kind: 'response',
            eventId,
          },
        ];
      case 'refresh':
      case 'refresh_rejected': {
        const request: DiagramMessage = {
          from: 'web',
          to: 'provider',
          label: 'POST token_endpoint (refresh)',
          params: [
            ['grant_type', 'refresh_token'],
            ['refresh_token', '(stored on the server only)'],
          ],
          eventId,
        };
        return [
          request,
          event.step === 'refresh'
            ? {
                from: 'provider',
                to: 'web',
                label: '200 new tokens',
                params: tokenAnswer(event.detail as TokenResponseDetail),
                kind: 'response',
                eventId,
              }
            : {
                from: 'provider',
                to: 'web',
                label: `400 ${(event.detail as RefreshRejectedDetail).error}`,
                kind: 'error',
                eventId,
              },
        ];
      }
      case 'api_call': {
        const detail = event.detail as ApiCallDetail;
        return [
          {
            from: 'web',
            to: 'api',
            label: `${detail.method} ${detail.path}`,
            params: [['Authorization', 'Bearer (the access token, redacted)']],
            eventId,
          },
          {
            from: 'api',
            to: 'web',
            label: `${detail.status}${detail.error ? ` ${detail.error}` : ''}`,
            kind: detail.status >= 400 ? 'error' : 'response',
            eventId,
          },
        ];
      }
      case 'sign_out':
        return signOutMessages(event.detail as SignOutDetail, eventId);
    }
  });
}

function signOutMessages(detail: SignOutDetail, eventId: string): DiagramMessage[] {
  const messages: DiagramMessage[] = [
    { from: 'browser', to: 'web', label: 'POST /api/logout (same-origin)', eventId },
  ];
  if (detail.revocation !== 'skipped') {
    messages.push(
      {
        from: 'web',
        to: 'provider',
        label: 'POST revocation_endpoint (RFC 7009)',
        params: [
          ['token', '(the refresh token, stored on the server only)'],
          ['token_type_hint', 'refresh_token'],
          ['client authentication', 'client_secret_basic'],
        ],
        eventId,
      },
      detail.revocation === 'revoked'
        ? { from: 'provider', to: 'web', label: '200 revoked', kind: 'response', eventId }
        : { from: 'provider', to: 'web', label: 'revocation failed', kind: 'error', eventId },
    );
  }
  if (detail.endSessionEndpoint === null) {
    messages.push({
      from: 'web',
      to: 'browser',
      label: '303 /signed-out (no end-session endpoint)',
      kind: 'response',
      eventId,
    });
    return messages;
  }
  messages.push(
    {
      from: 'web',
      to: 'browser',
      label: '303 to end_session_endpoint (session deleted here)',
      kind: 'response',
      eventId,
    },
    {
      from: 'browser',
      to: 'provider',
      label: `GET ${pathOf(detail.endSessionEndpoint)} (RP-Initiated Logout)`,
      params: Object.entries(detail.params),
      eventId,
    },
  );
  return messages;
}
