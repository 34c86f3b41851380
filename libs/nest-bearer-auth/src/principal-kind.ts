/**
 * User or machine? RFC 9068 §2.2 says that for a client-credentials grant `sub` identifies the
 * client. So a token whose `sub` equals its `client_id` is a machine token; any other token
 * stands for an end user. (Auth0 uses `sub = "<client_id>@clients"`: pass your own rule.)
 */
import type { AccessTokenClaims } from './access-token-principal.js';

export type PrincipalKind = 'user' | 'machine';

/**
 * The default rule: `sub === client_id` means a client-credentials (machine) token.
 *
 * @example
 * principalKindBySubject({ sub: 'oauth-ref-machine', client_id: 'oauth-ref-machine' }); // 'machine'
 * principalKindBySubject({ sub: 'alice', client_id: 'oauth-ref-web' }); // 'user'
 */
export function principalKindBySubject(claims: AccessTokenClaims): PrincipalKind {
  return claims['sub'] === claims['client_id'] ? 'machine' : 'user';
}
