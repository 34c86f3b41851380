// Starts a command under the watchdog (./watchdog.mjs) in a session of its own, so the terminal's
// signals reach only the supervisor, and the supervisor alone decides when its children stop.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isAlive, listDescendants, signalAll } from './process-tree.mjs';

const watchdogPath = fileURLToPath(new URL('./watchdog.mjs', import.meta.url));

/**
 * @typedef {object} WatchedProcess
 * @property {import('node:child_process').ChildProcessByStdio<import('node:stream').Writable, import('node:stream').Readable, import('node:stream').Readable>} child the watchdog
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited
 * @property {() => Promise<void>} stop graceful, then forced; resolves when the whole tree is gone
 */

/**
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd: string, env: Record<string, string | undefined>, graceMs: number }} options
 * @returns {WatchedProcess}
 * @example
 * const watched = spawnWatched('npm', ['run', 'serve'], { cwd, env: process.env, graceMs: 5_000 });
 * await watched.stop();
 */
export function spawnWatched(command, args, options) {
  const child = spawn(
    process.execPath,
    [watchdogPath, String(options.graceMs), '--', command, ...args],
    { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: 127, signal: null }));
  });
  // The pipe is only a lifeline; nothing is ever written to it.
  child.stdin.on('error', () => undefined);

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const tree = new Set(listDescendants(child.pid));
    signalAll([child.pid], 'SIGTERM');
    // The watchdog does the graceful part itself; if it is stuck, take the tree down from here.
    const forced = setTimeout(() => {
      if (child.pid !== undefined) for (const pid of listDescendants(child.pid)) tree.add(pid);
      signalAll([...tree].filter(isAlive), 'SIGKILL');
      if (child.pid !== undefined) signalAll([child.pid], 'SIGKILL');
    }, options.graceMs + 2_000);
    await exited;
    clearTimeout(forced);
  };
  return { child, exited, stop };
}
