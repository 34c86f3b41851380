/**
 * The flow log's requests as sequence-diagram messages between the app, the provider and the
 * API (libs/flow-diagram draws them). Steps that send nothing (verifier, challenge, callback
 * checks, DPoP key and proofs, refusals) stay in the log only. Values are shown as the log shows
 * them unexpanded: secrets and tokens masked.
 */
import type { DiagramMessage, Lifeline } from '@oauth-ref/flow-diagram';
import { displayFlowField, type FlowField, type FlowLog } from '@oauth-ref/pkce-client';

export const MOBILE_LIFELINES: readonly Lifeline[] = [
  { id: 'app', label: 'App' },
  { id: 'provider', label: 'Provider' },
  { id: 'api', label: 'API' },
];

const params = (fields: readonly FlowField[], skip: readonly string[] = []) =>
  fields
    .filter((field) => !skip.includes(field.label))
    .map((field) => [field.label, displayFlowField(field, false).text] as const);

const value = (fields: readonly FlowField[], label: string) =>
  fields.find((field) => field.label === label)?.value ?? '';

/** `POST http://host/path` or `http://host/path` → `POST /path` / `/path`. */
function shortRequest(text: string): string {
  const [first, second] = text.split(' ');
  const url = second ?? first ?? '';
  const method = second === undefined ? '' : `${first} `;
  try {
    return `${method}${new URL(url).pathname}`;
  } catch {
    return text;
  }
}

/**
 * @example
 * layoutSequenceDiagram(MOBILE_LIFELINES, buildFlowLogMessages(log), { title: 'This session' });
 */
export function buildFlowLogMessages(log: FlowLog): DiagramMessage[] {
  return log.flatMap((step): DiagramMessage[] => {
    const eventId = step.id;
    const refused = step.outcome === 'refused';
    switch (step.kind) {
      case 'discovery':
        return [
          {
            from: 'app',
            to: 'provider',
            label: 'GET /.well-known/openid-configuration',
            eventId,
          },
          {
            from: 'provider',
            to: 'app',
            label: '200 metadata',
            params: params(step.fields),
            kind: 'response',
            eventId,
          },
        ];
      case 'authorization-request':
        return [
          {
            from: 'app',
            to: 'provider',
            label: `GET ${shortRequest(value(step.fields, 'endpoint'))} (authorization request)`,
            params: params(step.fields, ['endpoint']),
            eventId,
          },
        ];
      case 'callback':
        return [
          {
            from: 'provider',
            to: 'app',
            label: `redirect to ${shortRequest(value(step.fields, 'redirect_uri'))} (callback)`,
            params: params(step.fields, ['redirect_uri']),
            kind: 'response',
            eventId,
          },
        ];
      case 'token-request':
        return [
          {
            from: 'app',
            to: 'provider',
            label: `${shortRequest(value(step.fields, 'endpoint'))} (code exchange)`,
            params: params(step.fields, ['endpoint']),
            eventId,
          },
        ];
      case 'token-response':
        return [
          {
            from: 'provider',
            to: 'app',
            label: '200 tokens',
            params: params(step.fields),
            kind: 'response',
            eventId,
          },
        ];
      case 'refresh':
        return [
          {
            from: 'app',
            to: 'provider',
            label: 'POST token_endpoint (refresh)',
            params: [['grant_type', 'refresh_token']],
            eventId,
          },
          {
            from: 'provider',
            to: 'app',
            label: '200 new tokens',
            params: params(step.fields),
            kind: 'response',
            eventId,
          },
        ];
      case 'api-request':
        return [
          {
            from: 'app',
            to: 'api',
            label: shortRequest(value(step.fields, 'request')),
            params: params(step.fields, [
              'request',
              'status',
              'response',
              'explanation',
              'WWW-Authenticate',
            ]),
            eventId,
          },
          {
            from: 'api',
            to: 'app',
            label: value(step.fields, 'status'),
            params: params(
              step.fields.filter((field) =>
                ['explanation', 'WWW-Authenticate'].includes(field.label),
              ),
            ),
            kind: refused ? 'error' : 'response',
            eventId,
          },
        ];
      case 'revocation':
        return [
          {
            from: 'app',
            to: 'provider',
            label: `${shortRequest(value(step.fields, 'endpoint'))} (revocation)`,
            params: params(step.fields, ['endpoint']),
            eventId,
          },
        ];
      case 'logout':
        return [
          {
            from: 'app',
            to: 'provider',
            label: `GET ${shortRequest(value(step.fields, 'endpoint'))} (logout)`,
            params: params(step.fields, ['endpoint']),
            eventId,
          },
        ];
      default:
        return [];
    }
  });
}
