import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { confirmReset } from './confirm-reset.js';

function terminal(answer: string) {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let asked = '';
  output.on('data', (chunk) => {
    asked += chunk;
    if (asked.includes('Type "yes"')) input.write(`${answer}\n`);
  });
  return { input, output, asked: () => asked };
}

describe('confirmReset', () => {
  it('asks on a terminal and goes ahead only on "yes"', async () => {
    const yes = terminal('yes');
    expect(await confirmReset('file:/x.db', { yes: false, ...yes })).toBe(true);
    expect(yes.asked()).toMatch(/deletes every table and row of file:\/x\.db .*notes/);
    expect(await confirmReset('file:/x.db', { yes: false, ...terminal('y') })).toBe(false);
    expect(await confirmReset('file:/x.db', { yes: false, ...terminal('') })).toBe(false);
  });

  it('does not ask with --yes', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: false });
    expect(await confirmReset('file:/x.db', { yes: true, input, output: new PassThrough() })).toBe(
      true,
    );
  });

  it('refuses when nobody can be asked', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: false });
    await expect(
      confirmReset('file:/x.db', { yes: false, input, output: new PassThrough() }),
    ).rejects.toMatchObject({ code: 'ERR_CLI_USAGE', message: expect.stringMatching(/--yes/) });
  });
});
