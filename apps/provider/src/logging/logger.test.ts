import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redact, serializeError } from './logger.js';

function capture(level: 'warn' | 'debug') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, logger: createLogger(level, destination) };
}

describe('logger redaction', () => {
  it('masks credential-like fields at any depth and strips query strings', () => {
    const out = redact({
      path: '/cb?code=abc',
      url: 'http://x/auth?code_challenge=1',
      nested: {
        refresh_token: 'rt',
        code_verifier: 'v',
        client_secret: 's',
        password: 'p',
        fine: 'ok',
      },
      list: [{ authorization: 'Bearer x' }],
      res: { statusCode: 302 },
    });
    expect(JSON.stringify(out)).not.toMatch(/abc|rt"|"v"|"s"|"p"|Bearer/);
    expect(out).toMatchObject({
      path: '/cb',
      url: 'http://x/auth',
      nested: { fine: 'ok' },
      // a response's status is not a credential, though its name contains "code"
      res: { statusCode: 302 },
    });
  });

  it('matches credential words as whole name segments, in any case style', () => {
    const masked = [
      'code',
      'codeVerifier',
      'code_verifier',
      'CODE_VERIFIER',
      'x-refresh-token',
      'refreshToken',
      'Set-Cookie',
      'proxy-authorization',
      'clientSecret',
      'device_code',
      'userCode',
      'DPoP',
      'mobileTokens',
    ];
    // "code" names an outcome after status/exit/error; "decoder" and "passwordless" hold a
    // credential word only inside a longer segment.
    const kept = ['statusCode', 'status_code', 'exitCode', 'errorCode', 'decoder', 'passwordless'];
    const out = redact(Object.fromEntries([...masked, ...kept].map((name) => [name, 'value'])));
    expect(out).toEqual({
      ...Object.fromEntries(masked.map((name) => [name, '[redacted]'])),
      ...Object.fromEntries(kept.map((name) => [name, 'value'])),
    });
  });

  it('writes pino JSON lines (numeric level, service), filtered by level and redacted', () => {
    const { lines, logger } = capture('warn');
    logger.info('hidden');
    logger.warn({ access_token: 'secret-value', path: '/cb?code=x' }, 'shown');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 40,
      service: 'provider',
      msg: 'shown',
      access_token: '[redacted]',
      path: '/cb',
    });
    expect(typeof lines[0]!['time']).toBe('number');
  });

  it('logs errors by class, message and OAuth code, without a stack', () => {
    const { lines, logger } = capture('debug');
    logger.error({ err: Object.assign(new Error('boom'), { error: 'invalid_grant' }) }, 'failed');
    expect(lines[0]!['err']).toEqual({ type: 'Error', message: 'boom', code: 'invalid_grant' });
    expect(JSON.stringify(lines)).not.toContain('stack');
    expect(serializeError('x')).toEqual({ type: 'string' });
  });
});
