/**
 * The provider's admin API, as the lab uses it: create and delete throw-away users and clients,
 * and mint the tokens only the provider's private key can sign (an expired one, one for another
 * audience). The admin token is sent only here, never recorded.
 */
import type { LabContext } from './lab-context';

export class LabUnavailableError extends Error {
  constructor() {
    super(
      'the provider admin API is not available to the lab (set PROVIDER_ADMIN_TOKEN for the web app; the provider needs PROVIDER_ADMIN_API=on — `npm start` does both)',
    );
    this.name = 'LabUnavailableError';
  }
}

/** Calls the admin API; throws with the provider's answer when it is not a 2xx. */
export async function callAdmin<T>(
  lab: LabContext,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const token = lab.settings.adminToken;
  if (!token) throw new LabUnavailableError();
  const response = await lab.fetch(`${lab.settings.issuer.replace(/\/$/, '')}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`admin ${method} ${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export type MintVariant = 'valid' | 'expired' | 'wrong_aud';

/** A token signed by the provider's current key, with chosen (maybe broken) claims. */
export async function mintToken(
  lab: LabContext,
  variant: MintVariant,
  options: { sub: string; clientId: string; scope: string },
): Promise<string> {
  const { token } = await callAdmin<{ token: string }>(lab, 'POST', '/admin/tokens', {
    variant,
    ...options,
  });
  return token;
}
