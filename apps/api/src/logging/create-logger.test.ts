import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logRequest, pathOnly, PinoLoggerService } from './create-logger.js';

function capture(level: 'info' | 'warn' | 'trace' = 'trace') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, logger: createLogger(level, destination) };
}

describe('request logs', () => {
  it('drop the query string and pick the level from the status', () => {
    const { lines, logger } = capture('info');
    logRequest(logger, 'GET', '/notes?access_token=secret', 200, 1.234);
    logRequest(logger, 'GET', '/me', 401, 1);
    logRequest(logger, 'GET', '/boom', 500, 1);
    logRequest(logger, 'GET', '/health', 200, 1);
    expect(lines.map((line) => [line['level'], (line['req'] as { path: string }).path])).toEqual([
      [30, '/notes'],
      [40, '/me'],
      [50, '/boom'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('skip the work when the level is disabled', () => {
    const { lines, logger } = capture('warn');
    logRequest(logger, 'GET', '/me', 200, 1);
    expect(lines).toEqual([]);
    expect(pathOnly(undefined)).toBe('');
  });
});

describe('PinoLoggerService', () => {
  it('maps Nest log calls to pino levels with their context', () => {
    const { lines, logger } = capture();
    const service = new PinoLoggerService(logger);
    service.log('started', 'NestApplication');
    service.warn('careful');
    service.debug('details', 'Ctx');
    service.verbose('noise', 'Ctx');
    service.fatal('gone', 'Ctx');
    service.error(new Error('broken'), 'Ctx');
    service.error({ err: new Error('unhandled') }, 'Unhandled error', 'HTTP');
    expect(lines.map((line) => [line['level'], line['msg'], line['context']])).toEqual([
      [30, 'started', 'NestApplication'],
      [40, 'careful', undefined],
      [20, 'details', 'Ctx'],
      [10, 'noise', 'Ctx'],
      [60, 'gone', 'Ctx'],
      [50, 'broken', 'Ctx'],
      [50, 'Unhandled error', 'HTTP'],
    ]);
    expect(lines[6]?.['err']).toMatchObject({ message: 'unhandled' });
  });

  it('writes nothing below the configured level', () => {
    const { lines, logger } = capture('warn');
    new PinoLoggerService(logger).log('quiet');
    expect(lines).toEqual([]);
  });
});
