/**
 * Victims made for one run: a user, a public client or a machine client, created through the
 * provider's admin API with random names and deleted after the attack. No attack ever touches the
 * signed-in user's grant or the demo users.
 */
import { randomBytes } from 'node:crypto';
import { callAdmin } from './admin-api';
import type { LabContext } from './lab-context';

export interface ThrowawayUser {
  readonly sub: string;
  readonly username: string;
  readonly password: string;
}

export interface ThrowawayClient {
  readonly clientId: string;
  readonly redirectUri: string;
}

export interface ThrowawayMachine {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Scopes the throw-away public client may ask for (the API's user scopes). */
export const VICTIM_SCOPE = 'openid offline_access notes:read notes:write';

function suffix(): string {
  return randomBytes(5).toString('hex');
}

/**
 * @example
 * const victim = await createThrowawayUser(lab); // deleted by lab.cleanUp()
 */
export async function createThrowawayUser(lab: LabContext): Promise<ThrowawayUser> {
  const username = `lab-victim-${suffix()}`;
  const password = randomBytes(18).toString('base64url');
  const { sub } = await callAdmin<{ sub: string }>(lab, 'POST', '/admin/users', {
    username,
    password,
    email: `${username}@lab.invalid`,
    name: 'Lab victim',
  });
  lab.onCleanup(`delete throw-away user ${username}`, () =>
    callAdmin(lab, 'DELETE', `/admin/users/${encodeURIComponent(sub)}`),
  );
  lab.record({ title: `Created throw-away user ${username} (admin API)`, role: 'setup' });
  return { sub, username, password };
}

/** A public client (PKCE, refresh tokens rotated on every use), like the mobile app but DPoP-free. */
export async function createThrowawayPublicClient(lab: LabContext): Promise<ThrowawayClient> {
  const clientId = `lab-public-${suffix()}`;
  const redirectUri = `${lab.settings.baseUrl}/lab/victim-callback`;
  await callAdmin(lab, 'POST', '/admin/clients', {
    client_id: clientId,
    client_name: 'Attack lab victim app',
    application_type: 'web',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [redirectUri],
    scope: VICTIM_SCOPE,
  });
  lab.onCleanup(`delete throw-away client ${clientId}`, () =>
    callAdmin(lab, 'DELETE', `/admin/clients/${encodeURIComponent(clientId)}`),
  );
  lab.record({
    title: `Registered throw-away public client ${clientId} (admin API), redirect URI ${redirectUri}`,
    role: 'setup',
  });
  return { clientId, redirectUri };
}

/** A confidential machine client (client credentials, notes:stats). */
export async function createThrowawayMachine(lab: LabContext): Promise<ThrowawayMachine> {
  const clientId = `lab-machine-${suffix()}`;
  const clientSecret = randomBytes(24).toString('base64url');
  await callAdmin(lab, 'POST', '/admin/clients', {
    client_id: clientId,
    client_secret: clientSecret,
    client_name: 'Attack lab victim machine',
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: 'notes:stats',
  });
  lab.onCleanup(`delete throw-away client ${clientId}`, () =>
    callAdmin(lab, 'DELETE', `/admin/clients/${encodeURIComponent(clientId)}`),
  );
  lab.record({
    title: `Registered throw-away machine client ${clientId} (admin API)`,
    role: 'setup',
  });
  return { clientId, clientSecret };
}
