import { describe, expect, it } from 'vitest';
import {
  exceptionReason,
  failureReason,
  FailureLog,
  mergeFailures,
  redact,
} from './failure-reasons.js';

describe('benchmark failure reasons', () => {
  it('gives the step, the status and the OAuth error', () => {
    expect(
      failureReason('POST /token', 400, {
        error: 'invalid_grant',
        error_description: 'grant request is invalid',
      }),
    ).toBe('POST /token (400): invalid_grant: grant request is invalid');
    expect(failureReason('callback', undefined, { error: 'access_denied' })).toBe(
      'callback: access_denied',
    );
  });

  it('never repeats a token, code, password or CSRF value', () => {
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz';
    const page =
      '<form action="/interaction/abc/login"><input type="hidden" name="csrf" value="s3cr3t">' +
      `<p>code=abc123&state=xyz password: hunter2 token ${jwt}</p></form>`;
    const reason = failureReason('interaction step 0', 200, page);
    for (const secret of ['s3cr3t', 'abc123', 'xyz', 'hunter2', jwt, 'eyJ'])
      expect(reason).not.toContain(secret);
    expect(reason).toMatch(/^interaction step 0 \(200\): /);
    expect(
      failureReason('POST /token', 200, { access_token: jwt, token_type: 'DPoP' }),
    ).not.toContain(jwt);
    expect(redact(`unexpected page (500): <title>oops</title> ${'word '.repeat(80)}`).length).toBe(
      161,
    );
  });

  it('keeps the cause of a network exception', () => {
    const error = new TypeError('fetch failed', { cause: new Error('read ECONNRESET') });
    expect(exceptionReason('request', error)).toBe('request: fetch failed (read ECONNRESET)');
  });

  it('keeps the first few distinct reasons with their counts, and counts the rest', () => {
    const log = new FailureLog(2);
    for (const reason of ['a', 'b', 'a', 'c', 'c', 'b']) log.record(reason);
    expect(log.reasons).toEqual([
      { reason: 'a', count: 2 },
      { reason: 'b', count: 2 },
    ]);
    expect(log.others).toBe(2);
    expect(
      mergeFailures(
        [
          { reasons: log.reasons, others: log.others },
          {
            reasons: [
              { reason: 'd', count: 1 },
              { reason: 'a', count: 3 },
            ],
            others: 0,
          },
        ],
        2,
      ),
    ).toEqual({
      reasons: [
        { reason: 'a', count: 5 },
        { reason: 'b', count: 2 },
      ],
      others: 3,
    });
  });
});
