/**
 * The API's budgets, as rate-limiter-flexible limiters on the store every instance shares:
 * Redis (`RateLimiterRedis`, one atomic Lua script per hit) when `REDIS_URL` is set, else the
 * database (`RateLimiterPrisma` on the `RateLimiterFlexible` table: an upsert that increments
 * in the database, so concurrent hits are all counted).
 * | budget    | key                 | points                                   |
 * | address   | client IP           | RATE_LIMIT_MAX (no or refused credentials) |
 * | subject   | issuer + sub        | RATE_LIMIT_SUBJECT_MAX                   |
 * | client    | client_id           | RATE_LIMIT_CLIENT_MAX, or RATE_LIMIT_WEB_CLIENT_MAX for the web app's server |
 */
import type { PrismaClient } from '@oauth-ref/db';
import type { Redis } from 'ioredis';
import {
  RateLimiterPrisma,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { ApiConfig } from '../config/api-config.js';
import { TooManyRequestsError, type RateLimitCode } from './too-many-requests.error.js';

export interface RateLimiters {
  readonly address: RateLimiterAbstract;
  readonly subject: RateLimiterAbstract;
  readonly client: RateLimiterAbstract;
  readonly webClient: RateLimiterAbstract;
  readonly webClientId: string;
}

/** DI token of the limiters. */
export const RATE_LIMITERS = Symbol('RATE_LIMITERS');

export type SharedStore =
  | { readonly kind: 'redis'; readonly redis: Redis }
  | { readonly kind: 'database'; readonly prisma: PrismaClient };

/**
 * Builds the four limiters on the shared store.
 *
 * @example
 * const limiters = createRateLimiters(config, { kind: 'database', prisma });
 */
export function createRateLimiters(config: ApiConfig, store: SharedStore): RateLimiters {
  const duration = config.rateLimit.windowSeconds;
  const limiter = (keyPrefix: string, points: number): RateLimiterAbstract =>
    store.kind === 'redis'
      ? new RateLimiterRedis({ storeClient: store.redis, keyPrefix, points, duration })
      : new RateLimiterPrisma({
          storeClient: store.prisma,
          tableName: 'rateLimiterFlexible',
          keyPrefix,
          points,
          duration,
        });
  return Object.freeze({
    address: limiter('api-address', config.rateLimit.max),
    subject: limiter('api-subject', config.rateLimit.subjectMax),
    client: limiter('api-client', config.rateLimit.clientMax),
    webClient: limiter('api-web-client', config.rateLimit.webClientMax),
    webClientId: config.rateLimit.webClientId,
  });
}

/**
 * Takes one point of `key`'s budget; throws `TooManyRequestsError` when it is spent. Store
 * failures propagate (the request fails closed with a 500, never unlimited).
 *
 * @example
 * await consumePoint(limiters.subject, 'http://localhost:4000 alice', 'rate_limit_subject');
 */
export async function consumePoint(
  limiter: RateLimiterAbstract,
  key: string,
  code: RateLimitCode,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new TooManyRequestsError(code, Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
    throw rejection;
  }
}
