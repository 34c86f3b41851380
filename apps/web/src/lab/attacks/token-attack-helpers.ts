/**
 * Helpers for the attacks on the API: call an endpoint with a token and read RFC 6750's answer.
 */
import type { LabContext, SentExchange } from '../lab-context';

/** RFC 6750 §3.1: refused with 401 and a challenge naming `invalid_token`. */
export function isInvalidToken(exchange: SentExchange): boolean {
  return (
    exchange.status === 401 &&
    /error="invalid_token"/.test(exchange.headers.get('www-authenticate') ?? '')
  );
}

/** GET {api}/me with `Authorization: <scheme> <token>`, recorded as one step. */
export function callApi(
  lab: LabContext,
  token: string,
  step: {
    title: string;
    role: 'control' | 'attack' | 'after';
    path?: string;
    scheme?: string;
    dpop?: string;
    refusedWhen?: (exchange: SentExchange) => boolean;
  },
): Promise<SentExchange> {
  return lab.send('GET', `${lab.settings.apiUrl}${step.path ?? '/me'}`, {
    title: step.title,
    role: step.role,
    headers: {
      authorization: `${step.scheme ?? 'Bearer'} ${token}`,
      ...(step.dpop ? { dpop: step.dpop } : {}),
    },
    ...(step.role === 'attack' ? { refusedWhen: step.refusedWhen ?? isInvalidToken } : {}),
  });
}

/** Access token claims as the provider would issue them for the API (RFC 9068 §2.2). */
export function accessTokenClaims(lab: LabContext, sub: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: lab.settings.issuer,
    sub,
    aud: lab.settings.resource,
    client_id: lab.settings.webClientId,
    scope: 'openid notes:read notes:write',
    iat: now,
    exp: now + 300,
    jti: `lab-${now}`,
  };
}

export function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
