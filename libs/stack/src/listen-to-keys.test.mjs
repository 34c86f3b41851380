import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { listenToKeys } from './listen-to-keys.mjs';

function fakeTerminal(isTTY = true) {
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    isTTY,
    setRawMode: vi.fn(),
    setEncoding: vi.fn(),
    resume: vi.fn(),
    press: (/** @type {string} */ key) => emitter.emit('data', key),
  });
}

describe('listenToKeys', () => {
  const names = ['provider', 'api', 'web', 'mobile'];

  it('restarts the app of a number key, shows the status on s, quits on q and Ctrl-C', () => {
    const terminal = fakeTerminal();
    const actions = { restart: vi.fn(), status: vi.fn(), quit: vi.fn() };
    expect(listenToKeys(terminal, names, actions)).toBe(true);
    expect(terminal.setRawMode).toHaveBeenCalledWith(true);
    terminal.press('1');
    terminal.press('4');
    terminal.press('9');
    terminal.press('s');
    terminal.press('q');
    terminal.press('\u0003');
    expect(actions.restart.mock.calls).toEqual([['provider'], ['mobile']]);
    expect(actions.status).toHaveBeenCalledTimes(1);
    expect(actions.quit).toHaveBeenCalledTimes(2);
  });

  it('leaves a stdin that is not a terminal alone', () => {
    const terminal = fakeTerminal(false);
    expect(
      listenToKeys(terminal, names, { restart: vi.fn(), status: vi.fn(), quit: vi.fn() }),
    ).toBe(false);
    expect(terminal.setRawMode).not.toHaveBeenCalled();
  });
});
