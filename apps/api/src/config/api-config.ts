/**
 * The API's configuration, validated once at startup (zod) and frozen. This is the ONLY module
 * that reads `process.env`; everything else receives an `ApiConfig`.
 */
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const httpUrl = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .trim()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
      error: `${name} must be an absolute http(s) URL`,
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

const schema = z.object({
  PORT: integer('PORT', 1, 65_535, 3333),
  HOST: z.string().trim().min(1).optional(),
  OAUTH_ISSUER: httpUrl('OAUTH_ISSUER')
    .default('http://localhost:4000')
    .refine((value) => !value.includes('#') && !value.includes('?'), {
      error: 'OAUTH_ISSUER must not contain a query or fragment',
    }),
  OAUTH_AUDIENCE: httpUrl('OAUTH_AUDIENCE').default('http://localhost:3333'),
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
  JWKS_MAX_AGE_SECONDS: integer('JWKS_MAX_AGE_SECONDS', 1, 86_400, 600),
  JWKS_COOLDOWN_SECONDS: integer('JWKS_COOLDOWN_SECONDS', 1, 3600, 30),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ApiConfig {
  readonly port: number;
  readonly host: string | undefined;
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUri: string | undefined;
  readonly databaseUrl: string | undefined;
  readonly corsOrigins: readonly string[];
  readonly logLevel: LogLevel;
  readonly rateLimit: { readonly max: number; readonly windowSeconds: number };
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
    jwksUri: value.OAUTH_JWKS_URI,
    databaseUrl: value.DATABASE_URL === '' ? undefined : value.DATABASE_URL,
    corsOrigins: Object.freeze(value.CORS_ORIGINS),
    logLevel: value.LOG_LEVEL,
    jwks: Object.freeze({ maxAgeSeconds: value.JWKS_MAX_AGE_SECONDS, cooldownSeconds: value.JWKS_COOLDOWN_SECONDS }),
    rateLimit: Object.freeze({
      max: value.RATE_LIMIT_MAX,
      windowSeconds: value.RATE_LIMIT_WINDOW_SECONDS,
    }),
  });
}

/** Reads and validates `process.env` (the one place that reads it). */
export function loadApiConfig(): ApiConfig {
  return parseApiConfig(process.env);
}

/** DI token for the config. */
export const API_CONFIG = Symbol('API_CONFIG');
