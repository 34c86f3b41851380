import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromResponse, NETWORK_FAILURE } from './api-error';

function response(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

describe('apiErrorFromResponse names the real cause', () => {
  it('says the API cannot fetch the signing keys when it answers 503 jwks_unavailable', async () => {
    const error = await apiErrorFromResponse(
      response(
        503,
        {
          error: 'temporarily_unavailable',
          error_description: 'The token issuer keys are temporarily unavailable',
          code: 'jwks_unavailable',
        },
        { 'retry-after': '5' },
      ),
    );
    expect(error.kind).toBe('unavailable');
    expect(error.code).toBe('jwks_unavailable');
    expect(error.userMessage).toContain('cannot fetch the provider');
    expect(error.userMessage).toContain('signing keys');
    expect(error.userMessage).not.toContain('not reachable');
  });

  it('says "not reachable" only when no answer came at all', () => {
    const error = new ApiError('unavailable', 503, null, null, null, NETWORK_FAILURE);
    expect(error.userMessage).toContain('not reachable');
  });

  it('reports another 5xx as the server error it is, with its status', async () => {
    const error = await apiErrorFromResponse(response(500, { error: 'server_error' }));
    expect(error.userMessage).toContain('server error (500 server_error');
    expect(error.userMessage).not.toContain('not reachable');
  });

  it('explains a 401 key_unknown as keys the API could not load', async () => {
    const error = await apiErrorFromResponse(
      response(
        401,
        { error: 'invalid_token', code: 'key_unknown' },
        { 'www-authenticate': 'Bearer error="invalid_token", error_description="unknown kid"' },
      ),
    );
    expect(error.kind).toBe('unauthorized');
    expect(error.userMessage).toContain('does not know the key');
  });

  it('reports 429 as rate limiting with the Retry-After seconds', async () => {
    const error = await apiErrorFromResponse(
      response(429, { error: 'rate_limited' }, { 'retry-after': '17' }),
    );
    expect(error.kind).toBe('rate_limited');
    expect(error.userMessage).toContain('retry in 17 s');
  });

  it('ignores a code that is not a plain identifier', async () => {
    const error = await apiErrorFromResponse(response(503, { code: 'x y <b>' }));
    expect(error.code).toBeNull();
  });
});
