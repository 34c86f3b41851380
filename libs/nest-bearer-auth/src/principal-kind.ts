/**
 * User or machine? RFC 9068 §2.2 says that for a client-credentials grant `sub` identifies the
 * client. So a token whose `sub` equals its client id is a machine token; any other token stands
 * for an end user. Providers differ, so a few named rules are offered (`machineRules`); pass one,
 * or your own function, as `principalKind`. Each rule receives the client id the lib resolved
 * (`client_id`, or the first present of `clientIdClaims` with the `generic-jwt` profile).
 *
 * A rule should err towards `user`: a machine token called a user meets `@RequirePrincipal('user')`
 * AND the user scopes it does not have; a user token called a machine reaches machine endpoints.
 */
import type { AccessTokenClaims } from './access-token-principal.js';

export type PrincipalKind = 'user' | 'machine';

/** Tells a user token from a machine token; `clientId` is the client id the lib resolved. */
export type PrincipalKindRule = (
  claims: AccessTokenClaims,
  clientId: string | undefined,
) => PrincipalKind;

function claimedClientId(claims: AccessTokenClaims, clientId: string | undefined) {
  const value = clientId ?? claims['client_id'];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The default rule (RFC 9068 §2.2, Okta): `sub` equals the client id means a client-credentials
 * (machine) token.
 *
 * @example
 * principalKindBySubject({ sub: 'oauth-ref-machine', client_id: 'oauth-ref-machine' }); // 'machine'
 * principalKindBySubject({ sub: 'alice', client_id: 'oauth-ref-web' }); // 'user'
 * principalKindBySubject({ sub: '0oa1', cid: '0oa1' }, '0oa1'); // 'machine' (Okta, clientIdClaims ['cid'])
 */
export function principalKindBySubject(
  claims: AccessTokenClaims,
  clientId?: string,
): PrincipalKind {
  const client = claimedClientId(claims, clientId);
  return client !== undefined && claims['sub'] === client ? 'machine' : 'user';
}

/**
 * Auth0: client-credentials tokens have `sub` = `<client id>@clients` (the client id itself, not
 * just any value ending in `@clients`).
 *
 * @example
 * principalKindByAuth0ClientsSuffix({ sub: 'abc@clients', azp: 'abc' }, 'abc'); // 'machine'
 * principalKindByAuth0ClientsSuffix({ sub: 'auth0|123', azp: 'abc' }, 'abc'); // 'user'
 */
export function principalKindByAuth0ClientsSuffix(
  claims: AccessTokenClaims,
  clientId?: string,
): PrincipalKind {
  const client = claimedClientId(claims, clientId);
  return client !== undefined && claims['sub'] === `${client}@clients` ? 'machine' : 'user';
}

/**
 * Entra ID's `idtyp` optional claim (`app` for app-only tokens, `user` otherwise); any provider can
 * add a hardcoded `idtyp: app` claim to its machine clients (e.g. a Keycloak mapper on the
 * service-account client). Without the claim the token is a user token.
 *
 * @example
 * principalKindByIdtyp({ sub: 'x', idtyp: 'app' }); // 'machine'
 * principalKindByIdtyp({ sub: 'x' }); // 'user'
 */
export function principalKindByIdtyp(claims: AccessTokenClaims): PrincipalKind {
  return claims['idtyp'] === 'app' ? 'machine' : 'user';
}

/** The named rules, for configuration by name (e.g. an environment variable). */
export const machineRules = Object.freeze({
  'sub-equals-client-id': principalKindBySubject,
  'auth0-clients-suffix': principalKindByAuth0ClientsSuffix,
  'idtyp-app': principalKindByIdtyp,
} satisfies Record<string, PrincipalKindRule>);

export type MachineRuleName = keyof typeof machineRules;
export const MACHINE_RULE_NAMES = Object.freeze(
  Object.keys(machineRules),
) as readonly MachineRuleName[];
