/**
 * Verifies the user's stored access token with the API's own pipeline (`@oauth-ref/nest-bearer-auth`,
 * its framework-free entry): each check explained, then the verdict the API would give. The token
 * is read on the server from the Account row and never leaves it; only the outcomes are shown.
 * One JWKS client per process, as in the API.
 */
import {
  explainAccessToken,
  JwksClient,
  resolveBearerAuthOptions,
  type AccessTokenExplanation,
  type ResolvedBearerAuthOptions,
} from '@oauth-ref/nest-bearer-auth/verify';
import { config } from '../config/config';
import { getPrisma } from '../db/prisma';

interface Verifier {
  readonly options: ResolvedBearerAuthOptions;
  readonly jwks: JwksClient;
}

const holder = globalThis as typeof globalThis & { __oauthRefInspectorVerifier?: Verifier };

function verifier(): Verifier {
  if (holder.__oauthRefInspectorVerifier) return holder.__oauthRefInspectorVerifier;
  // The API's audience is the resource indicator the token was requested for (RFC 8707).
  const options = resolveBearerAuthOptions({
    issuer: config.issuer,
    audience: config.resource ?? config.apiUrl,
  });
  holder.__oauthRefInspectorVerifier = { options, jwks: new JwksClient({ issuer: config.issuer }) };
  return holder.__oauthRefInspectorVerifier;
}

export interface StoredTokenVerification {
  readonly audience: string;
  readonly explanation: AccessTokenExplanation;
}

/**
 * @example
 * const verification = await verifyStoredAccessToken(user.accountId); // null when no token is stored
 */
export async function verifyStoredAccessToken(
  accountId: string | null,
): Promise<StoredTokenVerification | null> {
  if (!accountId) return null;
  const account = await (
    await getPrisma()
  ).account.findUnique({ where: { id: accountId }, select: { access_token: true } });
  if (!account?.access_token) return null;
  const { options, jwks } = verifier();
  return {
    audience: options.audience,
    explanation: await explainAccessToken(account.access_token, options, jwks, {
      method: 'GET',
      path: '/notes',
    }),
  };
}
