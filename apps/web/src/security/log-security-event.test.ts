import { afterEach, describe, expect, it } from 'vitest';
import { logSecurityEvent, scrub, setSecurityLogSink } from './log-security-event';

const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const opaque = 'b8mH1k2lP0qR7sT4uV9wX3yZ5aB6cD0eF1gH2iJ3kL4';

describe('scrub', () => {
  it('drops values under secret-looking keys and keeps reasons', () => {
    expect(
      scrub({
        code: 'abc',
        refresh_token: 'rt',
        code_verifier: 'v',
        client_secret: 's',
        reason: 'state mismatch',
        error: 'access_denied',
      }),
    ).toEqual({
      code: '[redacted]',
      refresh_token: '[redacted]',
      code_verifier: '[redacted]',
      client_secret: '[redacted]',
      reason: 'state mismatch',
      error: 'access_denied',
    });
  });

  it('replaces JWTs and long opaque strings inside messages, arrays and errors', () => {
    const scrubbed = JSON.stringify(
      scrub({ message: `bad ${jwt}`, list: [opaque], error: new Error(`got ${opaque}`) }),
    );
    expect(scrubbed).not.toContain(jwt);
    expect(scrubbed).not.toContain(opaque);
    expect(scrubbed).toContain('[jwt redacted]');
  });
});

describe('logSecurityEvent', () => {
  let restore: ((line: string) => void) | undefined;
  afterEach(() => {
    if (restore) setSecurityLogSink(restore);
  });

  it('writes one JSON line without any token', () => {
    const lines: string[] = [];
    restore = setSecurityLogSink((line) => lines.push(line));
    logSecurityEvent('callback.rejected', {
      reason: `iss mismatch`,
      id_token: jwt,
      detail: opaque,
    });
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]!);
    expect(parsed).toMatchObject({
      kind: 'security',
      app: 'web',
      event: 'callback.rejected',
      reason: 'iss mismatch',
    });
    expect(lines[0]).not.toContain(jwt);
    expect(lines[0]).not.toContain(opaque);
  });
});
