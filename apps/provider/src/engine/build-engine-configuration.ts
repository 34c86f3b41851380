/**
 * The node-oidc-provider configuration: strict defaults for a production-like authorization server.
 * Every protocol rule here is the engine's; this file only chooses.
 */
import { OIDC_SCOPES, API_SCOPES } from '@oauth-ref/scopes';
import type {
  Adapter,
  ClientMetadata,
  Configuration,
  FindAccount,
  KoaContextWithOIDC,
  Client,
} from 'oidc-provider';
import type { JWK } from 'jose';
import type { ProviderConfig } from '../config/config.js';
import { assertClientGrantPolicy, CLIENT_GRANT_POLICY } from './client-grant-policy.js';
import { assertRegistrationRedirectPolicy } from './registration-redirect-policy.js';
import { createResourceIndicatorsFeature } from './resource-rule.js';
import * as pages from './engine-pages.js';
import { pkceRequiredForPublicClients } from './pkce-required-for-public-clients.js';
import { rotateRefreshTokens } from './rotate-refresh-tokens.js';

export interface EngineDeps {
  readonly config: ProviderConfig;
  readonly adapter: ((name: string) => Adapter) | undefined;
  readonly jwks: readonly JWK[];
  readonly signingKid: () => string | undefined;
  readonly cookieKeys: readonly string[];
  readonly findAccount: FindAccount;
}

/** Cookie names are prefixed `op.` so they never collide with the web app's `web.` cookies on localhost. */
export const COOKIE_NAMES = Object.freeze({
  session: 'op.session',
  interaction: 'op.interaction',
  resume: 'op.interaction_resume',
});

export function buildEngineConfiguration(deps: EngineDeps): Configuration {
  const { config } = deps;
  const ttl = config.lifetimes;
  const secure = new URL(config.issuer).protocol === 'https:';
  const corsOrigins = new Set(config.corsOrigins);

  return {
    adapter: deps.adapter as Configuration['adapter'],
    findAccount: deps.findAccount,
    jwks: { keys: deps.jwks.map((jwk) => ({ ...jwk })) } as Configuration['jwks'],
    cookies: {
      names: { ...COOKIE_NAMES },
      keys: [...deps.cookieKeys],
      long: { httpOnly: true, sameSite: 'lax', secure },
      short: { httpOnly: true, sameSite: 'lax', secure },
    },
    clockTolerance: ttl.clockTolerance,
    // OIDC Core §5.4 allows profile/email claims in the ID token; clients using only the ID token
    // (e.g. next-auth) then need no userinfo call, which the API JWT could not make anyway.
    conformIdTokenClaims: false,
    // RFC 9700 §2.1: exact redirect URI matching, also when one URI is registered.
    allowOmittingSingleRegisteredRedirectUri: false,
    responseTypes: ['code'],
    scopes: [...OIDC_SCOPES, ...API_SCOPES],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: 'RS256',
      token_endpoint_auth_method: 'client_secret_basic',
    },
    pkce: { required: pkceRequiredForPublicClients },
    rotateRefreshToken: rotateRefreshTokens,
    issueRefreshToken: async (_ctx: KoaContextWithOIDC, client: Client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    clientBasedCORS: (_ctx: KoaContextWithOIDC, origin: string, client: Client) =>
      corsOrigins.has(origin) &&
      (client.redirectUris ?? []).some((uri) => URL.parse(uri)?.origin === origin),
    interactions: {
      url: async (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}`,
    },
    renderError: pages.renderError as Configuration['renderError'],
    ttl: {
      AuthorizationCode: ttl.authorizationCode,
      AccessToken: ttl.accessToken,
      ClientCredentials: ttl.clientCredentials,
      IdToken: ttl.idToken,
      Interaction: ttl.interaction,
      Session: ttl.session,
      Grant: ttl.grant,
      // A rotated refresh token keeps the absolute expiry of the one it replaces.
      RefreshToken: (ctx: KoaContextWithOIDC) =>
        ctx?.oidc?.entities.RotatedRefreshToken?.remainingTTL ?? ttl.refreshToken,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // RFC 7662 §4 / RFC 7009 §2.1: a client may introspect or revoke only tokens issued to it.
      introspection: {
        enabled: true,
        allowedPolicy: async (
          _ctx: KoaContextWithOIDC,
          client: Client,
          token: { clientId?: string },
        ) => token.clientId === client.clientId,
      },
      revocation: {
        enabled: true,
        allowedPolicy: async (
          _ctx: KoaContextWithOIDC,
          client: Client,
          token: { clientId?: string },
        ) => token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      // Off: no client of ours runs on an input-constrained device (see README "Features").
      deviceFlow: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: pages.logoutSource,
        postLogoutSuccessSource: pages.postLogoutSuccessSource,
      },
      // A mock convenience for tests and demos (README "Features"): only while the admin API is on,
      // because only the admin API issues the initial access tokens registration requires.
      registration: {
        enabled: config.adminToken !== undefined,
        initialAccessToken: true,
        issueRegistrationAccessToken: true,
        policies: {
          [CLIENT_GRANT_POLICY]: (_ctx: KoaContextWithOIDC, properties: ClientMetadata) => {
            assertClientGrantPolicy(properties);
            assertRegistrationRedirectPolicy(properties);
          },
        },
      },
      dPoP: { enabled: true },
      // Off: none of our clients pushes its authorization request (next-auth v4 cannot), and an
      // advertised endpoint nobody uses end to end teaches nothing (README "Features").
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: createResourceIndicatorsFeature({
        apiResource: config.apiResource,
        signingKid: deps.signingKid,
      }),
    },
    enabledJWA: {
      idTokenSigningAlgValues: ['RS256', 'PS256', 'ES256'],
      userinfoSigningAlgValues: ['RS256', 'PS256', 'ES256'],
      dPoPSigningAlgValues: ['ES256', 'EdDSA', 'RS256', 'PS256'],
    },
  } as Configuration;
}
