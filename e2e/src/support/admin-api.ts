// The provider's admin/test API (enabled in the e2e stack with a per-run bearer token): mint
// tokens with chosen claims — valid or deliberately broken — and rotate or retire signing keys.
import { machineClient } from '@oauth-ref/demo-config';
import { adminToken, urls } from './env.js';

export type TokenVariant =
  | 'valid'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_aud'
  | 'wrong_iss'
  | 'unknown_kid'
  | 'alg_none'
  | 'hs256_public_key'
  | 'id_token'
  | 'wrong_typ';

export interface MintOptions {
  readonly sub?: string;
  readonly clientId?: string;
  readonly scope?: string;
  readonly aud?: string;
  readonly expiresIn?: number;
}

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${urls.provider}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`admin ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Mints an access token (or a deliberately broken one) signed by the provider's current key. */
export async function mintToken(variant: TokenVariant, options: MintOptions = {}): Promise<string> {
  const { token } = await admin<{ token: string }>('POST', '/admin/tokens', {
    variant,
    ...options,
  });
  return token;
}

export interface KeyInfo {
  readonly kid: string;
  readonly state: string;
}

/** The provider's signing keys and their states. */
export async function listKeys(): Promise<KeyInfo[]> {
  return (await admin<{ keys: KeyInfo[] }>('GET', '/admin/keys')).keys;
}

/** Adds a new signing key, published now and signing after `activateInSeconds`. */
export async function rotateKeys(
  activateInSeconds: number,
  graceSeconds: number,
): Promise<{ kid: string }> {
  return admin('POST', '/admin/keys/rotate', { activateInSeconds, graceSeconds });
}

/** Retires a key: it leaves the JWKS at once. */
export async function retireKey(kid: string): Promise<void> {
  await admin('POST', '/admin/keys/retire', { kid });
}

/** A real client-credentials grant for the machine client (scope notes:stats, audience the API). */
export async function machineAccessToken(): Promise<string> {
  const response = await fetch(`${urls.provider}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${machineClient.clientId}:${machineClient.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope: 'notes:stats',
      resource: urls.api,
    }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string };
  if (!body.access_token)
    throw new Error(`client credentials grant failed: ${JSON.stringify(body)}`);
  return body.access_token;
}

/**
 * A real client-credentials grant sent with a DPoP proof (RFC 9449 §5): the provider answers
 * `token_type: DPoP` and binds the token to the proof key (`cnf.jkt`).
 */
export async function machineAccessTokenBoundTo(
  proof: string,
): Promise<{ access_token: string; token_type: string }> {
  const response = await fetch(`${urls.provider}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${machineClient.clientId}:${machineClient.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      dpop: proof,
    },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope: 'notes:stats',
      resource: urls.api,
    }),
  });
  const body = (await response.json()) as {
    access_token?: string;
    token_type?: string;
    error?: string;
  };
  if (!body.access_token || !body.token_type)
    throw new Error(`DPoP client credentials grant failed: ${JSON.stringify(body)}`);
  return { access_token: body.access_token, token_type: body.token_type };
}

/** The kid in a JWT's protected header. */
export function kidOf(jwt: string): string | undefined {
  const [header] = jwt.split('.');
  return (JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')) as { kid?: string })
    .kid;
}
