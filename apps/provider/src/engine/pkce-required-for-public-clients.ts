/**
 * RFC 7636 + RFC 9700 §2.1.1: PKCE is required for public clients (no client authentication, so
 * the code verifier is the only proof that the redeemer started the flow) and accepted from
 * confidential ones, which our web client always sends. The engine supports only `S256`, so
 * `plain` is refused for everyone (`authorization-code.test.ts` pins both rules).
 */
import type { Client, KoaContextWithOIDC } from 'oidc-provider';

/**
 * The engine's `pkce.required` policy.
 *
 * @example
 * const configuration = { pkce: { required: pkceRequiredForPublicClients } };
 */
export function pkceRequiredForPublicClients(_ctx: KoaContextWithOIDC, client: Client): boolean {
  return client.clientAuthMethod === 'none';
}
