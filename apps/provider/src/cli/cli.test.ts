// The provider's command lines answer --help with their usage and fail in plain words.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const appRoot = fileURLToPath(new URL('../..', import.meta.url));

function cli(script: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=@oauth-ref/source', '--import', 'tsx', `src/cli/${script}.ts`, ...args],
      { cwd: appRoot, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('provider command lines', () => {
  it('rotate-keys --help prints the usage, not a stack trace', async () => {
    const result = await cli('rotate-keys', ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run provider:rotate-keys/);
    expect(result.stdout).toMatch(/--retire \[--kid=<k>\]/);
    expect(result.stderr).toBe('');
  });

  it('seed --help prints the usage', async () => {
    const result = await cli('seed', ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run db:seed\n/);
  });

  it('rotate-keys refuses a malformed option with the usage (exit 2)', async () => {
    const result = await cli('rotate-keys', ['--grace=soon']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^--grace must be a whole number of seconds, not "soon"/);
    noStackTrace(result.stderr);
  });

  it('rotate-keys explains an unreachable database', async () => {
    const result = await cli('rotate-keys', ['--list'], {
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/test?schema=cli',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^✖ Cannot reach the PostgreSQL server at 127\.0\.0\.1:1 /);
    noStackTrace(result.stderr);
  });

  it('seed refuses outside demo mode in one sentence', async () => {
    const result = await cli('seed', [], { DEMO_MODE: 'false' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^✖ DEMO_MODE=false: refusing to seed/);
  });
});
