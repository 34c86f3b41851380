/**
 * The web app's environment, validated once. Every variable is documented in `.env.example`.
 *
 * NEXTAUTH_SECRET encrypts next-auth's state/PKCE/nonce cookies and signs its CSRF token. A fixed
 * development default keeps `npm start` zero-config; outside development and test it is refused,
 * so a production deployment cannot run with a secret that is printed in this repository.
 */
import { defaultUrls, webClient } from '@oauth-ref/demo-config';
import { z } from 'zod';

/** Public by design: used only when NODE_ENV is not `production`. */
export const DEVELOPMENT_NEXTAUTH_SECRET =
  'oauth-ref-web-dev-secret-do-not-use-in-production-0123456789';

const httpUrl = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ''));
/**
 * The issuer is an identifier compared exactly (OIDC Discovery §4.3, RFC 9207): it is kept as
 * configured, trailing slash included (Auth0's issuers end in one; most others do not).
 */
const issuerUrl = z.url({ protocol: /^https?$/ });

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
    DATABASE_URL: z.string().min(1).optional(),
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
      /** Also the RFC 8707 resource indicator the access token is requested for. */
      resource: env.API_URL,
      databaseUrl: env.DATABASE_URL,
      redirectUri: `${baseUrl.origin}/api/auth/callback/oauth-ref`,
      postLogoutRedirectUri: `${baseUrl.origin}/signed-out`,
      scope: webClient.scope,
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
