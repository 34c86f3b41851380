/**
 * The web app's environment, validated once. Every variable is documented in `.env.example`.
 *
 * NEXTAUTH_SECRET encrypts next-auth's state/PKCE/nonce cookies and signs its CSRF token. A fixed
 * development default keeps `npm start` zero-config; outside development and test it is refused,
 * so a production deployment cannot run with a secret that is printed in this repository.
 */
import { defaultUrls, webClient } from '@oauth-ref/demo-config';
import { parseScope } from '@oauth-ref/scopes';
import { z } from 'zod';

/** RFC 6749 §3.3 syntax, checked by the stack's one scope parser. */
function isScopeSyntax(value: string): boolean {
  try {
    parseScope(value);
    return true;
  } catch {
    return false;
  }
}

/** Public by design: used only when NODE_ENV is not `production`. */
export const DEVELOPMENT_NEXTAUTH_SECRET =
  'oauth-ref-web-dev-secret-do-not-use-in-production-0123456789';

const httpUrl = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ''));
/**
 * The issuer is an identifier compared exactly (OIDC Discovery §4.3, RFC 9207): it is kept as
 * configured, trailing slash included (Auth0's issuers end in one; most others do not).
 */
const issuerUrl = z.url({ protocol: /^https?$/ });

/**
 * The scopes of the authorization request: space-delimited RFC 6749 scope-tokens, `openid`
 * included (this is an OpenID Connect sign-in: next-auth validates the ID token). Runs of spaces
 * are normalised to one. Entra ID, for instance, names API scopes `api://<app id>/notes.read`.
 */
const scopeList = z
  .string()
  .transform((value) => value.trim().split(/\s+/).join(' '))
  .refine(isScopeSyntax, {
    error: 'OAUTH_SCOPE must be space-delimited scope tokens (RFC 6749 §3.3)',
  })
  .refine((value) => value.split(' ').includes('openid'), {
    error: 'OAUTH_SCOPE must include openid (the web app signs users in with OpenID Connect)',
  });

/**
 * RFC 8707 §2: a resource indicator is an absolute URI without a fragment. The empty string is
 * kept as "send no resource" (for providers that select the API another way, e.g. Auth0's
 * `audience` parameter, a Keycloak audience mapper, Entra ID scope names).
 */
const resourceIndicator = z
  .string()
  .trim()
  .refine(
    (value) =>
      value === '' || (/^[A-Za-z][A-Za-z0-9+.-]*:[^\s#]+$/.test(value) && URL.canParse(value)),
    { error: 'OAUTH_RESOURCE must be an absolute URI without a fragment, or empty to send none' },
  );

export const webEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    NEXTAUTH_URL: httpUrl.default(defaultUrls.web),
    NEXTAUTH_SECRET: z
      .string()
      .min(32, 'NEXTAUTH_SECRET must be at least 32 characters')
      .optional(),
    OAUTH_ISSUER: issuerUrl.default(defaultUrls.issuer),
    OAUTH_CLIENT_ID: z.string().min(1).default(webClient.clientId),
    OAUTH_CLIENT_SECRET: z
      .string()
      .min(1)
      .default(webClient.clientSecret ?? ''),
    API_URL: httpUrl.default(defaultUrls.api),
    /** Default: the demo client's scopes (`openid profile email offline_access notes:read notes:write`). */
    OAUTH_SCOPE: scopeList.default(webClient.scope),
    /** Unset: API_URL. Empty: no `resource` parameter. */
    OAUTH_RESOURCE: resourceIndicator.optional(),
    /** Auth0's non-standard `audience` authorization parameter; only with OAUTH_RESOURCE empty. */
    OAUTH_AUDIENCE_PARAM: z
      .string()
      .trim()
      .min(1, 'OAUTH_AUDIENCE_PARAM must not be blank')
      .optional(),
    DATABASE_URL: z.string().min(1).optional(),
    /**
     * The provider's admin API token, for the attack lab (/lab) only: it creates the throw-away
     * users and clients its attacks need. Unset: the lab explains it is off. Server-side only.
     */
    PROVIDER_ADMIN_TOKEN: z.string().min(16).optional(),
    /** Set by Next while `next build` runs: modules are imported then, but never serve requests. */
    NEXT_PHASE: z.string().optional(),
  })
  .transform((env, ctx) => {
    const building = env.NEXT_PHASE === 'phase-production-build';
    const secret =
      env.NEXTAUTH_SECRET ??
      (env.NODE_ENV === 'production' && !building ? undefined : DEVELOPMENT_NEXTAUTH_SECRET);
    if (secret === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXTAUTH_SECRET'],
        message:
          'NEXTAUTH_SECRET is required when NODE_ENV=production (e.g. `openssl rand -base64 32`)',
      });
      return z.NEVER;
    }
    if (env.OAUTH_AUDIENCE_PARAM !== undefined && env.OAUTH_RESOURCE !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['OAUTH_AUDIENCE_PARAM'],
        message:
          'OAUTH_AUDIENCE_PARAM needs OAUTH_RESOURCE set to the empty string: send resource or audience, not both',
      });
      return z.NEVER;
    }
    const baseUrl = new URL(env.NEXTAUTH_URL);
    return {
      nodeEnv: env.NODE_ENV,
      port: env.PORT,
      baseUrl: baseUrl.origin,
      secureCookies: baseUrl.protocol === 'https:',
      nextAuthSecret: secret,
      usesDevelopmentSecret: env.NEXTAUTH_SECRET === undefined,
      issuer: env.OAUTH_ISSUER,
      clientId: env.OAUTH_CLIENT_ID,
      clientSecret: env.OAUTH_CLIENT_SECRET,
      apiUrl: env.API_URL,
      /**
       * The RFC 8707 resource indicator the access token is requested for (its `aud`): OAUTH_RESOURCE,
       * default API_URL; undefined when OAUTH_RESOURCE is empty (no `resource` is sent).
       */
      resource:
        env.OAUTH_RESOURCE === undefined
          ? env.API_URL
          : env.OAUTH_RESOURCE === ''
            ? undefined
            : env.OAUTH_RESOURCE,
      /** Auth0's `audience` authorization parameter, when set. */
      audienceParam: env.OAUTH_AUDIENCE_PARAM,
      databaseUrl: env.DATABASE_URL,
      labAdminToken: env.PROVIDER_ADMIN_TOKEN,
      redirectUri: `${baseUrl.origin}/api/auth/callback/oauth-ref`,
      postLogoutRedirectUri: `${baseUrl.origin}/signed-out`,
      scope: env.OAUTH_SCOPE,
    };
  });

export type WebConfig = Readonly<z.output<typeof webEnvSchema>>;

export class WebConfigError extends Error {
  readonly code = 'WEB_CONFIG_INVALID';
  constructor(readonly issues: readonly string[]) {
    super(`Invalid web app environment:\n  - ${issues.join('\n  - ')}`);
    this.name = 'WebConfigError';
  }
}

/** Parses an environment record into the frozen config, or throws WebConfigError listing every problem. */
export function parseWebConfig(env: Record<string, string | undefined>): WebConfig {
  const result = webEnvSchema.safeParse(env);
  if (!result.success) {
    throw new WebConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return Object.freeze(result.data);
}
