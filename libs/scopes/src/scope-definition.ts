/**
 * The shape of one entry in the scope catalogue.
 *
 * RFC 6749 §3.3: the authorization server decides which scopes a client may be granted, "based on
 * the authorization server policy or the resource owner's instructions". The catalogue records that
 * policy per scope: which kinds of client may ask for it, and how to describe it to the resource owner
 * on a consent screen.
 */

/**
 * What kind of client is asking, in RFC 6749 §2.1 terms plus the machine case.
 * - `confidential`: a user-facing client that can keep a secret (a server-side web app).
 * - `public`: a user-facing client that cannot (a native or browser app; PKCE required).
 * - `machine`: a confidential client acting for itself with the client credentials grant (§4.4);
 *   there is no user, so user scopes and OIDC scopes make no sense for it.
 *
 * @example
 * const kind: ClientKind = 'machine';
 */
export type ClientKind = 'confidential' | 'public' | 'machine';

/**
 * `oidc` scopes are defined by OpenID Connect Core §5.4 / §11; `api` scopes by our resource server.
 *
 * @example
 * const kind: ScopeKind = scopeCatalogue.openid.kind; // 'oidc'
 */
export type ScopeKind = 'oidc' | 'api';

/**
 * One scope the stack knows about.
 *
 * @example
 * const definition: ScopeDefinition | undefined = describeScope('notes:read');
 * definition?.clientKinds; // ['confidential', 'public']
 */
export interface ScopeDefinition<Name extends string = string> {
  /** The scope token exactly as it appears in a `scope` parameter. */
  readonly name: Name;
  /** One sentence for a consent screen, written to the resource owner ("you", "your"). */
  readonly description: string;
  readonly kind: ScopeKind;
  /** The kinds of client that may ask for (and be granted) this scope. Never empty. */
  readonly clientKinds: readonly ClientKind[];
}
