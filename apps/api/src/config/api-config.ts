/**
 * The API's configuration, validated once at startup (zod) and frozen. This is the ONLY module
 * that reads `process.env`; everything else receives an `ApiConfig`.
 */
import {
  MACHINE_RULE_NAMES,
  SCOPE_CLAIMS,
  TOKEN_PROFILES,
  type MachineRuleName,
  type ScopeClaim,
  type TokenProfile,
} from '@oauth-ref/nest-bearer-auth';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const httpUrl = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .trim()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
      error: `${name} must be an absolute http(s) URL`,
    });

const isHttpUrl = (value: string) =>
  URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);

/** RFC 3986 §4.3 absolute URI: scheme ":" hier-part, no fragment (`https://…`, `api://…`, `urn:…`). */
const isAbsoluteUri = (value: string) =>
  /^[A-Za-z][A-Za-z0-9+.-]*:[^\s#]+$/.test(value) && URL.canParse(value);

const enumWithDefault = <T extends string>(name: string, values: readonly T[], fallback: T) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, context): T => {
      if (value === undefined || value === '') return fallback;
      if (!(values as readonly string[]).includes(value)) {
        context.addIssue({
          code: 'custom',
          message: `${name} must be one of ${values.join(', ')}`,
        });
        return z.NEVER;
      }
      return value as T;
    });

const origin = z
  .string()
  .refine((value) => URL.canParse(value) && new URL(value).origin === value, {
    error: 'each CORS origin must be scheme://host[:port] with no path or trailing slash',
  });

const integer = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return fallback;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
        context.addIssue({
          code: 'custom',
          message: `${name} must be an integer between ${min} and ${max}`,
        });
        return z.NEVER;
      }
      return parsed;
    });

const schema = z
  .object({
    PORT: integer('PORT', 1, 65_535, 3333),
    HOST: z.string().trim().min(1).optional(),
    OAUTH_ISSUER: httpUrl('OAUTH_ISSUER')
      .default('http://localhost:4000')
      .refine((value) => !value.includes('#') && !value.includes('?'), {
        error: 'OAUTH_ISSUER must not contain a query or fragment',
      }),
    /** Checked with OAUTH_TOKEN_PROFILE below: an absolute URI, or any identifier with generic-jwt. */
    OAUTH_AUDIENCE: z
      .string()
      .trim()
      .min(1, 'OAUTH_AUDIENCE must not be empty')
      .default('http://localhost:3333'),
    API_PUBLIC_URL: httpUrl('API_PUBLIC_URL')
      .refine((value) => !value.includes('#') && !value.includes('?'), {
        error: 'API_PUBLIC_URL must not contain a query or fragment',
      })
      .optional(),
    OAUTH_TOKEN_PROFILE: enumWithDefault<TokenProfile>(
      'OAUTH_TOKEN_PROFILE',
      TOKEN_PROFILES,
      'rfc9068',
    ),
    OAUTH_CLIENT_ID_CLAIMS: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item.length > 0),
      )
      .refine((claims) => new Set(claims).size === claims.length, {
        error: 'OAUTH_CLIENT_ID_CLAIMS must not name a claim twice',
      })
      .refine((claims) => claims.every((claim) => /^\S+$/.test(claim)), {
        error: 'OAUTH_CLIENT_ID_CLAIMS must be claim names separated by commas',
      }),
    OAUTH_SCOPE_CLAIM: enumWithDefault<ScopeClaim>('OAUTH_SCOPE_CLAIM', SCOPE_CLAIMS, 'scope'),
    OAUTH_MACHINE_RULE: enumWithDefault<MachineRuleName>(
      'OAUTH_MACHINE_RULE',
      MACHINE_RULE_NAMES,
      'sub-equals-client-id',
    ),
    OAUTH_JWKS_URI: httpUrl('OAUTH_JWKS_URI').optional(),
    DATABASE_URL: z
      .string()
      .trim()
      .optional()
      .refine(
        (value) => value === undefined || value === '' || /^(file:|postgres(ql)?:\/\/)/.test(value),
        {
          error: 'DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)',
        },
      ),
    CORS_ORIGINS: z
      .string()
      .optional()
      .transform((value) =>
        (value === undefined || value.trim() === ''
          ? 'http://localhost:3000,http://localhost:8081'
          : value
        )
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item.length > 0),
      )
      .pipe(z.array(origin)),
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
      .default('info'),
    RATE_LIMIT_MAX: integer('RATE_LIMIT_MAX', 1, 10_000_000, 300),
    RATE_LIMIT_WINDOW_SECONDS: integer('RATE_LIMIT_WINDOW_SECONDS', 1, 3600, 60),
    RATE_LIMIT_SUBJECT_MAX: integer('RATE_LIMIT_SUBJECT_MAX', 1, 10_000_000, 300),
    RATE_LIMIT_CLIENT_MAX: integer('RATE_LIMIT_CLIENT_MAX', 1, 10_000_000, 3000),
    RATE_LIMIT_WEB_CLIENT_ID: z.string().trim().min(1).default('oauth-ref-web'),
    RATE_LIMIT_WEB_CLIENT_MAX: integer('RATE_LIMIT_WEB_CLIENT_MAX', 1, 10_000_000, 30_000),
    REDIS_URL: z
      .string()
      .trim()
      .optional()
      .refine(
        (value) =>
          value === undefined ||
          value === '' ||
          (URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol)),
        { error: 'REDIS_URL must be a redis:// or rediss:// URL' },
      ),
    DPOP_REQUIRED: z
      .enum(['true', 'false', ''], { error: 'DPOP_REQUIRED must be true or false' })
      .optional()
      .transform((value) => value === 'true'),
    DPOP_PROOF_MAX_AGE_SECONDS: integer('DPOP_PROOF_MAX_AGE_SECONDS', 1, 300, 60),
    JWKS_MAX_AGE_SECONDS: integer('JWKS_MAX_AGE_SECONDS', 1, 86_400, 600),
    JWKS_COOLDOWN_SECONDS: integer('JWKS_COOLDOWN_SECONDS', 1, 3600, 30),
  })
  .superRefine((env, context) => {
    const generic = env.OAUTH_TOKEN_PROFILE === 'generic-jwt';
    // RFC 8707 §2 / RFC 9068 §3: a resource indicator is an absolute URI. Entra ID v2 tokens carry
    // the API app's client id (a bare GUID) in aud instead; only such non-RFC 9068 providers need
    // that, so a bare identifier is accepted with generic-jwt only (elsewhere it is a typo).
    if (/[\s#]/.test(env.OAUTH_AUDIENCE)) {
      context.addIssue({
        code: 'custom',
        path: ['OAUTH_AUDIENCE'],
        message: 'OAUTH_AUDIENCE must not contain whitespace or a fragment (#)',
      });
    } else if (!isAbsoluteUri(env.OAUTH_AUDIENCE) && !generic) {
      context.addIssue({
        code: 'custom',
        path: ['OAUTH_AUDIENCE'],
        message:
          'OAUTH_AUDIENCE must be an absolute URI (https://…, api://…); a bare identifier needs OAUTH_TOKEN_PROFILE=generic-jwt',
      });
    }
    if (!isHttpUrl(env.OAUTH_AUDIENCE) && env.API_PUBLIC_URL === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['API_PUBLIC_URL'],
        message:
          "API_PUBLIC_URL is required when OAUTH_AUDIENCE is not an http(s) URL (it is the API's RFC 9728 resource)",
      });
    }
    const claims = env.OAUTH_CLIENT_ID_CLAIMS;
    if (!generic && claims.length > 0 && (claims.length !== 1 || claims[0] !== 'client_id')) {
      context.addIssue({
        code: 'custom',
        path: ['OAUTH_CLIENT_ID_CLAIMS'],
        message:
          'OAUTH_CLIENT_ID_CLAIMS other than client_id needs OAUTH_TOKEN_PROFILE=generic-jwt (RFC 9068 tokens carry client_id)',
      });
    }
  });

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ApiConfig {
  readonly port: number;
  readonly host: string | undefined;
  readonly issuer: string;
  /** Expected in `aud`: an absolute URI, or (generic-jwt only) a bare identifier such as a GUID. */
  readonly audience: string;
  /** This API's public http(s) URL: RFC 9728 `resource`. Default: the audience. */
  readonly publicUrl: string;
  /** How access tokens are read (see @oauth-ref/nest-bearer-auth's "Other providers"). */
  readonly tokens: {
    readonly profile: TokenProfile;
    readonly clientIdClaims: readonly string[];
    readonly scopeClaim: ScopeClaim;
    readonly machineRule: MachineRuleName;
  };
  readonly jwksUri: string | undefined;
  readonly databaseUrl: string | undefined;
  readonly corsOrigins: readonly string[];
  readonly logLevel: LogLevel;
  /**
   * Budgets per window, counted where every instance sees them (the database, or Redis):
   * `max` per client IP for requests without credentials or with refused ones; `subjectMax`
   * per token subject and `clientMax` per `client_id` for authenticated requests; the web app's
   * server (`webClientId`) carries every web user, so its client budget is `webClientMax`.
   */
  readonly rateLimit: {
    readonly max: number;
    readonly windowSeconds: number;
    readonly subjectMax: number;
    readonly clientMax: number;
    readonly webClientId: string;
    readonly webClientMax: number;
  };
  /** Shared counters and the DPoP replay cache go to Redis when set, else to the database. */
  readonly redisUrl: string | undefined;
  /** RFC 9449: whether only DPoP-bound tokens are accepted, and how old a proof may be. */
  readonly dpop: { readonly required: boolean; readonly proofMaxAgeSeconds: number };
  /** How long fetched keys are trusted before a refetch, and how often an unknown kid may refetch. */
  readonly jwks: { readonly maxAgeSeconds: number; readonly cooldownSeconds: number };
}

/** Thrown once at startup; the message lists every missing or malformed variable. */
export class ApiConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid API configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ApiConfigError';
  }
}

/**
 * Validates an environment-like record into a frozen `ApiConfig`.
 *
 * @example
 * const config = parseApiConfig({ OAUTH_ISSUER: 'http://localhost:4000', OAUTH_AUDIENCE: 'http://localhost:3333' });
 * config.port; // 3333
 */
export function parseApiConfig(env: Readonly<Record<string, string | undefined>>): ApiConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ApiConfigError(
      result.error.issues.map((issue) => {
        const variable = issue.path[0] === undefined ? 'config' : String(issue.path[0]);
        const given = issue.path[0] === undefined ? undefined : env[String(issue.path[0])];
        return `${variable}: ${issue.message}${given === undefined ? '' : ` (got "${given}")`}`;
      }),
    );
  }
  const value = result.data;
  return Object.freeze({
    port: value.PORT,
    host: value.HOST,
    issuer: value.OAUTH_ISSUER,
    audience: value.OAUTH_AUDIENCE,
    publicUrl: value.API_PUBLIC_URL ?? value.OAUTH_AUDIENCE,
    tokens: Object.freeze({
      profile: value.OAUTH_TOKEN_PROFILE,
      clientIdClaims: Object.freeze(
        value.OAUTH_CLIENT_ID_CLAIMS.length > 0 ? value.OAUTH_CLIENT_ID_CLAIMS : ['client_id'],
      ),
      scopeClaim: value.OAUTH_SCOPE_CLAIM,
      machineRule: value.OAUTH_MACHINE_RULE,
    }),
    jwksUri: value.OAUTH_JWKS_URI,
    databaseUrl: value.DATABASE_URL === '' ? undefined : value.DATABASE_URL,
    corsOrigins: Object.freeze(value.CORS_ORIGINS),
    logLevel: value.LOG_LEVEL,
    jwks: Object.freeze({
      maxAgeSeconds: value.JWKS_MAX_AGE_SECONDS,
      cooldownSeconds: value.JWKS_COOLDOWN_SECONDS,
    }),
    rateLimit: Object.freeze({
      max: value.RATE_LIMIT_MAX,
      windowSeconds: value.RATE_LIMIT_WINDOW_SECONDS,
      subjectMax: value.RATE_LIMIT_SUBJECT_MAX,
      clientMax: value.RATE_LIMIT_CLIENT_MAX,
      webClientId: value.RATE_LIMIT_WEB_CLIENT_ID,
      webClientMax: value.RATE_LIMIT_WEB_CLIENT_MAX,
    }),
    redisUrl: value.REDIS_URL === '' ? undefined : value.REDIS_URL,
    dpop: Object.freeze({
      required: value.DPOP_REQUIRED,
      proofMaxAgeSeconds: value.DPOP_PROOF_MAX_AGE_SECONDS,
    }),
  });
}

/** Reads and validates `process.env` (the one place that reads it). */
export function loadApiConfig(): ApiConfig {
  return parseApiConfig(process.env);
}

/** DI token for the config. */
export const API_CONFIG = Symbol('API_CONFIG');
