// The supervisor with real processes (tiny fake apps, each with a helper in a session of its own):
// whatever stops the supervisor, at whatever moment, no process of ours is left and every port is
// free within 15 s; an app that exits leaves the others up and can be restarted from outside.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPortFree } from './check-port-free.mjs';

const fakeStack = fileURLToPath(new URL('./testing/fake-stack.mjs', import.meta.url));
const stackCli = fileURLToPath(new URL('./cli/stack.mjs', import.meta.url));
/** @type {import('node:child_process').ChildProcess[]} */
const started = [];

/** A block of ports (base … base+102) below the ephemeral range, with nothing listening on it. */
async function freePortBlock() {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 120) * 100;
    const ports = [0, 1, 2, 99, 100, 101, 102].map((offset) => base + offset);
    const free = await Promise.all(
      ports.map((port) =>
        checkPortFree(port, 'test').then(
          () => true,
          () => false,
        ),
      ),
    );
    if (free.every(Boolean)) return base;
  }
  throw new Error('no free block of test ports');
}

/** @param {Record<string, string>} env */
async function startFakeStack(env) {
  const basePort = await freePortBlock();
  const dataDir = mkdtempSync(join(tmpdir(), 'stack-test-'));
  const child = spawn(process.execPath, [fakeStack], {
    env: { ...process.env, FAKE_BASE_PORT: String(basePort), FAKE_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    dataDir,
    exited,
    output: () => output,
    /** every port an app, a helper or the step may listen on */
    ports: [0, 1, 2, 99, 100, 101, 102].map((offset) => basePort + offset),
    basePort,
    /** @param {RegExp} pattern */
    waitFor: async (pattern, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (Date.now() > deadline) throw new Error(`no ${pattern} in:\n${output}`);
        await sleep(50);
      }
    },
  };
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {number} port */
function isListening(port) {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** @param {readonly number[]} ports */
async function listening(ports) {
  const results = await Promise.all(ports.map((port) => isListening(port)));
  return ports.filter((_, index) => results[index]);
}

/**
 * Reads which of `ports` listen, again every `intervalMs`, until `settled` holds for that reading
 * or `withinMs` has passed; resolves with the last reading.
 */
async function pollListening(
  /** @type {readonly number[]} */ ports,
  /** @type {(up: number[]) => boolean} */ settled,
  /** @type {number} */ withinMs,
  /** @type {number} */ intervalMs,
) {
  const deadline = Date.now() + withinMs;
  let up = await listening(ports);
  while (!settled(up) && Date.now() < deadline) {
    await sleep(intervalMs);
    up = await listening(ports);
  }
  return up;
}

/**
 * Resolves with the ports listening within `withinMs` (all of them when all came up in time): an
 * app's helper is a process of its own, which may start listening just after the banner.
 */
function portsUpWithin(/** @type {readonly number[]} */ ports, withinMs = 10_000) {
  return pollListening(ports, (up) => up.length === ports.length, withinMs, 100);
}

/** Resolves with the ports still in use after `withinMs` (empty when all were freed in time). */
function portsLeftAfter(/** @type {readonly number[]} */ ports, withinMs = 15_000) {
  return pollListening(ports, (up) => up.length === 0, withinMs, 200);
}

/** @param {string[]} args */
function stackCommand(...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [stackCli, ...args], (error, stdout, stderr) =>
      resolve({ code: error ? error.code : 0, stdout, stderr }),
    );
  });
}

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('stopping the stack', () => {
  it('Ctrl-C during the build step stops the build and its helpers; nothing is left', async () => {
    const stack = await startFakeStack({ FAKE_STEP_MS: '60000' });
    await stack.waitFor(/building/);
    expect(await listening([stack.basePort + 99])).toEqual([stack.basePort + 99]);
    stack.child.kill('SIGINT');
    expect(await stack.exited).toEqual({ code: 0, signal: null });
    expect(await portsLeftAfter(stack.ports)).toEqual([]);
  });

  it('Ctrl-C while the apps are still starting stops the ones already running', async () => {
    const stack = await startFakeStack({ FAKE_START_DELAY_MS: '4000' });
    await stack.waitFor(/Starting/);
    await sleep(1_500);
    stack.child.kill('SIGINT');
    await stack.exited;
    expect(stack.output()).not.toMatch(/FAKE STACK READY/);
    expect(await portsLeftAfter(stack.ports)).toEqual([]);
  });

  it('SIGHUP (the terminal closed) stops every app and its helpers', async () => {
    const stack = await startFakeStack({});
    await stack.waitFor(/FAKE STACK READY/);
    expect((await portsUpWithin(stack.ports)).length).toBe(6);
    stack.child.kill('SIGHUP');
    await stack.exited;
    expect(await portsLeftAfter(stack.ports)).toEqual([]);
  });

  it('a SIGKILLed supervisor leaves nothing behind: the apps notice it is gone', async () => {
    const stack = await startFakeStack({});
    await stack.waitFor(/FAKE STACK READY/);
    stack.child.kill('SIGKILL');
    expect(await portsLeftAfter(stack.ports)).toEqual([]);
  });

  it('a SIGKILLed supervisor during the build leaves no build behind', async () => {
    const stack = await startFakeStack({ FAKE_STEP_MS: '60000' });
    await stack.waitFor(/building/);
    stack.child.kill('SIGKILL');
    expect(await portsLeftAfter(stack.ports)).toEqual([]);
  });

  it('an app that ignores SIGTERM is killed after the grace period', async () => {
    const stack = await startFakeStack({ IGNORE_SIGTERM: '1', FAKE_GRACE_MS: '1000' });
    await stack.waitFor(/FAKE STACK READY/);
    const before = Date.now();
    stack.child.kill('SIGTERM');
    await stack.exited;
    expect(Date.now() - before).toBeLessThan(8_000);
    expect(await portsLeftAfter(stack.ports, 1_000)).toEqual([]);
  });
});

describe('one app exiting', () => {
  it('leaves the others up, says which stopped and why, and restarts on request', async () => {
    const stack = await startFakeStack({});
    await stack.waitFor(/FAKE STACK READY/);
    const apiPort = stack.basePort + 1;
    await fetch(`http://127.0.0.1:${apiPort}/exit`);
    await stack.waitFor(/api stopped \(exit code 3\)/);
    // the report of a stopped app (its last lines, then how to restart it) may arrive in pieces
    await stack.waitFor(/npm run stack -- restart api/);
    expect(stack.output()).toMatch(/exiting on request/);
    expect(await listening([stack.basePort, apiPort, stack.basePort + 2])).toEqual([
      stack.basePort,
      stack.basePort + 2,
    ]);

    const status = await stackCommand('status', '--data-dir', stack.dataDir);
    expect(status.stdout).toMatch(/api\s+exited\s+port \d+\s+\(last exit: exit code 3\)/);

    const restart = await stackCommand('restart', 'api', '--data-dir', stack.dataDir);
    expect(restart.code).toBe(0);
    expect(await listening([apiPort])).toEqual([apiPort]);

    const stopWeb = await stackCommand('stop', 'web', '--data-dir', stack.dataDir);
    expect(stopWeb.code).toBe(0);
    expect(await listening([stack.basePort + 2])).toEqual([]);

    await stackCommand('stop', '--data-dir', stack.dataDir);
    expect(await stack.exited).toEqual({ code: 0, signal: null });
    expect(await portsLeftAfter(stack.ports)).toEqual([]);
  });

  it.runIf(process.platform === 'linux')(
    'helpers that left the process tree (daemonized) are stopped too, also when their app crashes',
    async () => {
      const stack = await startFakeStack({ DAEMONIZE_HELPER: '1', FAKE_START_DELAY_MS: '500' });
      await stack.waitFor(/FAKE STACK READY/);
      expect((await portsUpWithin(stack.ports)).length).toBe(6);
      // the api crashes: its helper goes with it, the others' stay
      await fetch(`http://127.0.0.1:${stack.basePort + 1}/exit`);
      await stack.waitFor(/api stopped/);
      expect(await portsLeftAfter([stack.basePort + 101], 5_000)).toEqual([]);
      expect(await listening([stack.basePort + 100])).toEqual([stack.basePort + 100]);
      stack.child.kill('SIGINT');
      await stack.exited;
      expect(await portsLeftAfter(stack.ports)).toEqual([]);
    },
  );

  it('prints every app line as "<app> │ time LEVEL message", JSON and plain lines alike', async () => {
    const stack = await startFakeStack({});
    await stack.waitFor(/FAKE STACK READY/);
    expect(stack.output()).toMatch(/^provider │ \d\d:\d\d:\d\d INFO {2}listening port=\d+$/m);
    expect(stack.output()).toMatch(/^api {6}│ \d\d:\d\d:\d\d INFO {2}plain line from api$/m);
    stack.child.kill('SIGTERM');
    await stack.exited;
  });
});

describe('npm run stack', () => {
  it('answers --help with its usage', async () => {
    const help = await stackCommand('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run stack -- <command> \[app\]/);
  });

  it('says plainly when no stack is running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stack-none-'));
    const reply = await stackCommand('status', '--data-dir', dir);
    expect(reply.code).toBe(1);
    expect(reply.stderr).toMatch(/No stack is running/);
  });
});

describe('describeExit', () => {
  it('names the signal, also when npm reports it as 128 + N', async () => {
    const { describeExit } = await import('./supervisor.mjs');
    expect(describeExit({ code: null, signal: 'SIGTERM' })).toBe('killed by SIGTERM');
    expect(describeExit({ code: 137, signal: null })).toBe('exit code 137: killed by SIGKILL');
    expect(describeExit({ code: 1, signal: null })).toBe('exit code 1');
  });
});
