import { describe, expect, it } from 'vitest';
import { prettyLogLine, toLogRecord } from './format-log-line.mjs';

describe('toLogRecord', () => {
  it('keeps a pino line (the API) as it is, under the app name', () => {
    const line = '{"level":40,"time":1700000000000,"pid":7,"hostname":"h","msg":"slow","ms":812}';
    expect(toLogRecord('api', line, 'stdout')).toEqual({
      level: 40,
      time: 1700000000000,
      app: 'api',
      msg: 'slow',
      pid: 7,
      hostname: 'h',
      ms: 812,
    });
  });

  it("turns the provider's named levels and ISO times into pino's numbers", () => {
    const line = '{"time":"2026-01-01T00:00:00.000Z","level":"error","msg":"boom","code":"X"}';
    expect(toLogRecord('provider', line, 'stderr')).toEqual({
      level: 50,
      time: Date.parse('2026-01-01T00:00:00.000Z'),
      app: 'provider',
      msg: 'boom',
      code: 'X',
    });
  });

  it('wraps plain lines (Next.js, the mobile server), colours removed, level from the words', () => {
    expect(toLogRecord('web', '\u001b[32m▲ Next.js\u001b[39m ready', 'stdout', 5)).toEqual({
      level: 30,
      time: 5,
      app: 'web',
      msg: '▲ Next.js ready',
    });
    expect(toLogRecord('mobile', '{not json', 'stderr', 5)).toMatchObject({
      level: 30,
      msg: '{not json',
    });
    expect(toLogRecord('mobile', 'mobile web build on http://localhost:8081', 'stderr').level).toBe(
      30,
    );
    expect(toLogRecord('web', '⚠ The config property is deprecated', 'stderr').level).toBe(40);
    expect(toLogRecord('web', 'Warning: something odd', 'stdout').level).toBe(40);
    expect(toLogRecord('web', '⨯ Error: boom', 'stderr').level).toBe(50);
    expect(toLogRecord('web', 'TypeError: x is undefined', 'stderr').level).toBe(50);
  });
});

describe('prettyLogLine', () => {
  it('puts the app name first, then time, level, message and fields (pid/hostname dropped)', () => {
    const time = new Date(2026, 0, 1, 12, 4, 5).getTime();
    const line = prettyLogLine(
      { level: 30, time, app: 'api', msg: 'up', port: 3333, pid: 1, hostname: 'h', req: { id: 1 } },
      { width: 8 },
    );
    expect(line).toBe('api      │ 12:04:05 INFO  up port=3333 req={"id":1}');
  });

  it('names levels between the pino steps by the step below', () => {
    expect(prettyLogLine({ level: 55, time: 0, app: 'web', msg: 'x' })).toMatch(/ ERROR x$/);
  });
});
