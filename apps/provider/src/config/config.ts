/**
 * The provider's one configuration module: the only file that reads `process.env`. Every value is
 * validated once with zod at startup and frozen; the rest of the app receives the `ProviderConfig`.
 *
 * Lifetimes and clock leeway live here together (see `lifetimes`), so a reader finds in one place how
 * long every artefact lives. Short values can be set by env for tests (e.g. ACCESS_TOKEN_TTL_SECONDS=5).
 */
import { z } from 'zod';

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * RFC 8414 §2 / OIDC Discovery §4.3: the issuer is an https (http for localhost demos) URL with no
 * query and no fragment, compared by exact string. We normalise the one harmless variation (a lone
 * trailing slash) and refuse everything else, so `iss` never drifts between instances.
 */
export const issuerSchema = z.string().transform((raw, ctx) => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'OAUTH_ISSUER must be an absolute URL' });
    return z.NEVER;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    ctx.addIssue({
      code: 'custom',
      message: 'OAUTH_ISSUER must use https (or http for local demos)',
    });
    return z.NEVER;
  }
  if (url.search || url.hash || raw.includes('?') || raw.includes('#')) {
    ctx.addIssue({ code: 'custom', message: 'OAUTH_ISSUER must not have a query or fragment' });
    return z.NEVER;
  }
  if (url.username || url.password) {
    ctx.addIssue({ code: 'custom', message: 'OAUTH_ISSUER must not contain credentials' });
    return z.NEVER;
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}`;
});

const originList = z.string().transform((raw, ctx) => {
  const origins = raw
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  const result: string[] = [];
  for (const origin of origins) {
    try {
      const url = new URL(origin);
      if (url.origin !== origin.replace(/\/$/, '')) throw new Error('not an origin');
      result.push(url.origin);
    } catch {
      ctx.addIssue({ code: 'custom', message: `CORS_ORIGINS entry "${origin}" is not an origin` });
      return z.NEVER;
    }
  }
  return result;
});

const onOff = z
  .enum(['on', 'off'])
  .default('off')
  .transform((value) => value === 'on');

/** redis:// or rediss:// (TLS) URL of the Redis that holds shared counters when set. */
const redisUrlSchema = z.string().refine((raw) => {
  const url = URL.parse(raw);
  return url !== null && (url.protocol === 'redis:' || url.protocol === 'rediss:');
}, 'REDIS_URL must be a redis:// or rediss:// URL');

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  OAUTH_ISSUER: issuerSchema.default('http://localhost:4000'),
  DATABASE_URL: z.string().min(1).optional(),
  REDIS_URL: redisUrlSchema.optional(),
  /** The admin/test API is off unless this is exactly `on` (and PROVIDER_ADMIN_TOKEN is set). */
  PROVIDER_ADMIN_API: onOff,
  PROVIDER_ADMIN_TOKEN: z
    .string()
    .min(16, 'PROVIDER_ADMIN_TOKEN must be at least 16 characters')
    .optional(),
  API_RESOURCE: issuerSchema.default('http://localhost:3333'),
  CORS_ORIGINS: originList.default(['http://localhost:3000', 'http://localhost:8081']),
  WEB_URL: issuerSchema.default('http://localhost:3000'),
  MOBILE_URL: issuerSchema.default('http://localhost:8081'),
  DEMO_MODE: booleanFlag(false),
  TRUST_PROXY: booleanFlag(false),
  LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('info'),

  AUTHORIZATION_CODE_TTL_SECONDS: seconds(60),
  ACCESS_TOKEN_TTL_SECONDS: seconds(15 * 60),
  CLIENT_CREDENTIALS_TTL_SECONDS: seconds(10 * 60),
  ID_TOKEN_TTL_SECONDS: seconds(60 * 60),
  REFRESH_TOKEN_TTL_SECONDS: seconds(14 * 24 * 60 * 60),
  SESSION_TTL_SECONDS: seconds(14 * 24 * 60 * 60),
  GRANT_TTL_SECONDS: seconds(14 * 24 * 60 * 60),
  INTERACTION_TTL_SECONDS: seconds(30 * 60),
  CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),

  KEY_ACTIVATION_DELAY_SECONDS: z.coerce.number().int().min(0).default(60),
  KEY_RETIREMENT_GRACE_SECONDS: seconds(2 * 60 * 60),
  KEY_REFRESH_SECONDS: seconds(10),
  SWEEP_INTERVAL_SECONDS: seconds(60),
  CACHE_CHECK_MS: z.coerce.number().int().min(50).max(60_000).default(1000),

  LOGIN_RATE_LIMIT_MAX: seconds(10),
  LOGIN_RATE_LIMIT_MAX_PER_ADDRESS: seconds(50),
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: seconds(5 * 60),
});

/** Every environment variable the provider reads (documented in apps/provider/.env.example). */
export const CONFIG_VARIABLES: readonly string[] = Object.freeze(Object.keys(envSchema.shape));

/** Lifetimes (seconds) of every artefact, and the clock leeway the engine allows. */
export interface Lifetimes {
  readonly authorizationCode: number;
  readonly accessToken: number;
  readonly clientCredentials: number;
  readonly idToken: number;
  readonly refreshToken: number;
  readonly session: number;
  readonly grant: number;
  readonly interaction: number;
  readonly clockTolerance: number;
}

export interface ProviderConfig {
  readonly port: number;
  readonly host: string;
  readonly issuer: string;
  readonly databaseUrl: string | undefined;
  /** Shared counters (login rate limits) live here when set; in the database otherwise. */
  readonly redisUrl: string | undefined;
  /** Set only when the admin API is switched on (PROVIDER_ADMIN_API=on plus the token). */
  readonly adminToken: string | undefined;
  readonly apiResource: string;
  readonly corsOrigins: readonly string[];
  /** Where the demo web and mobile apps are served: the seeded clients' redirect URIs follow. */
  readonly demoClientUrls: { readonly web: string; readonly mobile: string };
  /** Demo mode: seeds the demo users and clients and offers the quick-login picker (never on https). */
  readonly demoMode: boolean;
  /** Trust X-Forwarded-* (client address for rate limits, https for secure cookies) from a proxy. */
  readonly trustProxy: boolean;
  readonly logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  readonly lifetimes: Lifetimes;
  readonly keys: {
    /** How long a new key is published in the JWKS before it signs anything. */
    readonly activationDelaySeconds: number;
    /** How long a superseded key stays in the JWKS so tokens it signed still verify. */
    readonly retirementGraceSeconds: number;
    /** How often each instance re-reads the key table. */
    readonly refreshSeconds: number;
  };
  readonly sweepIntervalSeconds: number;
  /** How often each instance checks whether a client or user changed (bounds how stale its caches are). */
  readonly cacheCheckMs: number;
  /** Sign-in attempts allowed per username (`max`) and per client address (`maxPerAddress`) per window. */
  readonly loginRateLimit: {
    readonly max: number;
    readonly maxPerAddress: number;
    readonly windowSeconds: number;
  };
}

/** Thrown when the environment does not describe a valid configuration. */
export class ConfigError extends Error {
  readonly code = 'PROVIDER_CONFIG_INVALID';
  constructor(readonly issues: readonly string[]) {
    super(`Invalid provider configuration:\n  - ${issues.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Reads and validates the configuration from an environment (default: `process.env`). */
export function loadConfig(env: Record<string, string | undefined> = process.env): ProviderConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const https = new URL(e.OAUTH_ISSUER).protocol === 'https:';
  const production = e.NODE_ENV === 'production';
  const conflicts: string[] = [];
  if (e.PROVIDER_ADMIN_API && !e.PROVIDER_ADMIN_TOKEN)
    conflicts.push('PROVIDER_ADMIN_API=on needs PROVIDER_ADMIN_TOKEN (at least 16 characters)');
  if (e.PROVIDER_ADMIN_API && https)
    conflicts.push(
      'PROVIDER_ADMIN_API=on is refused with an https issuer: the admin API mints API-valid tokens for any user',
    );
  if (e.PROVIDER_ADMIN_API && production)
    conflicts.push('PROVIDER_ADMIN_API=on is refused with NODE_ENV=production');
  if (e.DEMO_MODE && https)
    conflicts.push(
      'DEMO_MODE is refused with an https issuer: its picker signs anyone in as a seeded user without a password',
    );
  if (conflicts.length > 0) throw new ConfigError(conflicts);
  return deepFreeze({
    port: e.PORT,
    host: e.HOST,
    issuer: e.OAUTH_ISSUER,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    adminToken: e.PROVIDER_ADMIN_API ? e.PROVIDER_ADMIN_TOKEN : undefined,
    apiResource: e.API_RESOURCE,
    corsOrigins: e.CORS_ORIGINS,
    demoClientUrls: { web: e.WEB_URL, mobile: e.MOBILE_URL },
    demoMode: e.DEMO_MODE,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    lifetimes: {
      authorizationCode: e.AUTHORIZATION_CODE_TTL_SECONDS,
      accessToken: e.ACCESS_TOKEN_TTL_SECONDS,
      clientCredentials: e.CLIENT_CREDENTIALS_TTL_SECONDS,
      idToken: e.ID_TOKEN_TTL_SECONDS,
      refreshToken: e.REFRESH_TOKEN_TTL_SECONDS,
      session: e.SESSION_TTL_SECONDS,
      grant: e.GRANT_TTL_SECONDS,
      interaction: e.INTERACTION_TTL_SECONDS,
      clockTolerance: e.CLOCK_TOLERANCE_SECONDS,
    },
    keys: {
      activationDelaySeconds: e.KEY_ACTIVATION_DELAY_SECONDS,
      retirementGraceSeconds: e.KEY_RETIREMENT_GRACE_SECONDS,
      refreshSeconds: e.KEY_REFRESH_SECONDS,
    },
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    cacheCheckMs: e.CACHE_CHECK_MS,
    loginRateLimit: {
      max: e.LOGIN_RATE_LIMIT_MAX,
      maxPerAddress: e.LOGIN_RATE_LIMIT_MAX_PER_ADDRESS,
      windowSeconds: e.LOGIN_RATE_LIMIT_WINDOW_SECONDS,
    },
  });
}
