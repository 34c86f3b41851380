import { describe, expect, it } from 'vitest';
import { createLogger, describeError, redact } from './logger.js';

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
    });
    expect(JSON.stringify(out)).not.toMatch(/abc|rt"|"v"|"s"|"p"|Bearer/);
    expect(out).toMatchObject({ path: '/cb', url: 'http://x/auth', nested: { fine: 'ok' } });
  });

  it('filters by level and writes JSON lines through the sink', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    logger.info('hidden');
    logger.warn('shown', { access_token: 'secret-value' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'warn',
      msg: 'shown',
      access_token: '[redacted]',
    });
  });

  it('describes errors without stacks', () => {
    const described = describeError(Object.assign(new Error('boom'), { error: 'invalid_grant' }));
    expect(described).toEqual({ name: 'Error', message: 'boom', error: 'invalid_grant' });
    expect(describeError('x')).toEqual({ name: 'string' });
  });
});
