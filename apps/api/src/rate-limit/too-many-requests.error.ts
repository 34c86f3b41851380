/**
 * A request over one of the API's budgets. Answered 429 with `Retry-After` (RFC 9110 §10.2.3,
 * RFC 6585 §4) and the API's RFC 6750-style JSON body; `code` says which budget ran out.
 */
export type RateLimitCode = 'rate_limit_address' | 'rate_limit_subject' | 'rate_limit_client';

export class TooManyRequestsError extends Error {
  constructor(
    readonly code: RateLimitCode,
    readonly retryAfterSeconds: number,
  ) {
    super('Too many requests; retry later');
    this.name = 'TooManyRequestsError';
  }
}
