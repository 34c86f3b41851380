/**
 * The resource / JWT rule (RFC 8707 resource indicators + RFC 9068 JWT access tokens).
 *
 * There is one protected resource, the notes API (`API_RESOURCE`, default http://localhost:3333).
 * 1. A request naming `resource=<API_RESOURCE>` gets it; any other resource is `invalid_target`.
 * 2. A request naming no resource defaults to the API when its `scope` contains an API scope
 *    (notes:read, notes:write, notes:stats), and always for client_credentials (the API is the only
 *    audience a machine can have).
 * 3. At the token endpoint a grant that holds the API resource issues the API JWT even when `openid`
 *    is also present (the engine would otherwise issue an opaque userinfo token) — unless a refresh
 *    request narrows `scope` to OIDC scopes only, which yields an opaque token for /me.
 * 4. The API's access tokens are JWTs (`typ: at+jwt`, aud = API_RESOURCE, iss, sub, client_id,
 *    scope, jti, iat, exp), RS256, signed with the current signing key. Access tokens with no
 *    resource (only usable at userinfo) stay opaque.
 * Which API scopes a client may hold comes from the scope catalogue: machine clients get
 * notes:stats only, user-facing clients notes:read notes:write only.
 */
import { API_SCOPES, scopeCatalogue, type ClientKind } from '@oauth-ref/scopes';
import { errors, type Client, type KoaContextWithOIDC, type ResourceServer } from 'oidc-provider';

const API_SCOPE_SET: ReadonlySet<string> = new Set(API_SCOPES);

export function clientKindOf(client: Pick<Client, 'grantTypes' | 'clientAuthMethod'>): ClientKind {
  const grants = client.grantTypes ?? [];
  if (grants.includes('client_credentials') && !grants.includes('authorization_code'))
    return 'machine';
  return client.clientAuthMethod === 'none' ? 'public' : 'confidential';
}

/** API scopes a client of this kind may hold (from the catalogue's `clientKinds`). */
export function apiScopesFor(kind: ClientKind): string[] {
  return API_SCOPES.filter((scope) => scopeCatalogue[scope].clientKinds.includes(kind));
}

function requestedScopes(ctx: KoaContextWithOIDC): string[] {
  const scope = ctx.oidc?.params?.scope;
  return typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
}

export interface ResourceRuleOptions {
  readonly apiResource: string;
  /** The kid that signs now (the engine would otherwise pick the first key). */
  readonly signingKid: () => string | undefined;
}

export function createResourceIndicatorsFeature(options: ResourceRuleOptions) {
  const { apiResource } = options;
  return {
    enabled: true,
    async defaultResource(ctx: KoaContextWithOIDC, _client: Client, oneOf?: string[]) {
      if (oneOf) return oneOf.includes(apiResource) ? apiResource : oneOf[0];
      if (requestedScopes(ctx).some((scope) => API_SCOPE_SET.has(scope))) return apiResource;
      if (ctx.oidc?.params?.grant_type === 'client_credentials') return apiResource;
      return undefined;
    },
    async useGrantedResource(ctx: KoaContextWithOIDC) {
      const scopes = requestedScopes(ctx);
      if (scopes.length > 0 && !scopes.some((scope) => API_SCOPE_SET.has(scope))) return false;
      return true;
    },
    async getResourceServerInfo(
      _ctx: KoaContextWithOIDC,
      resourceIndicator: string,
      client: Client,
    ): Promise<ResourceServer> {
      if (resourceIndicator !== apiResource) throw new errors.InvalidTarget();
      const kid = options.signingKid();
      return {
        scope: apiScopesFor(clientKindOf(client)).join(' '),
        audience: apiResource,
        accessTokenFormat: 'jwt',
        jwt: { sign: kid ? { alg: 'RS256', kid } : { alg: 'RS256' } },
      } as ResourceServer;
    },
  };
}
