#!/usr/bin/env node
// Runs one command on behalf of the supervisor and guarantees it does not outlive it.
//   node watchdog.mjs <graceMs> -- <command> [args…]
// The supervisor holds the write end of this process's stdin. When the supervisor exits for any
// reason — Ctrl-C, a crash, SIGKILL — the kernel closes that pipe, stdin ends, and the watchdog
// stops the command's whole process tree: SIGTERM first, SIGKILL after the grace period. It does
// the same on SIGTERM/SIGINT/SIGHUP. It exits with the command's own exit code or signal.
// Why not process groups: apps (npm, Next.js, Nx) start helpers in groups and sessions of their
// own; the parent links in the process table follow them all, and on Linux an inherited
// environment mark finds helpers whose parent exited before the watchdog saw them.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { isAlive, listDescendants, listProcessesWithEnv, signalAll } from './process-tree.mjs';

const separator = process.argv.indexOf('--');
const graceMs = Number(process.argv[2]);
const [command, ...args] = process.argv.slice(separator + 1);
if (separator < 0 || !command || !Number.isFinite(graceMs)) {
  process.stderr.write('usage: node watchdog.mjs <graceMs> -- <command> [args…]\n');
  process.exit(2);
}

// Every process the command starts inherits this mark, so one that outlived its parent (and left
// the tree) is still found on Linux.
const markName = 'OAUTH_REF_WATCHDOG';
const mark = `${process.pid}:${randomUUID()}`;
const child = spawn(command, args, {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, [markName]: mark },
});
/** Every process seen in the tree so far: orphans re-parented to init stay on the list. */
const known = new Set();
const remember = () => {
  for (const pid of listDescendants(process.pid)) known.add(pid);
};
// Often while the command starts its helpers, then once a second (reading the process table costs).
let poll = setInterval(remember, 150);
setTimeout(() => {
  clearInterval(poll);
  poll = setInterval(remember, 1_000);
}, 5_000).unref();
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

let stopping = false;
/** Stops the tree (graceful, then forced) and resolves when nothing of it is left. */
async function stopTree() {
  remember();
  for (const pid of listProcessesWithEnv(markName, mark)) known.add(pid);
  signalAll(known, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && [...known].some(isAlive)) {
    await sleep(50);
    remember();
  }
  remember();
  for (const pid of listProcessesWithEnv(markName, mark)) known.add(pid);
  signalAll([...known].filter(isAlive), 'SIGKILL');
}

/** @param {string} reason */
async function stop(reason) {
  if (stopping) return;
  stopping = true;
  void reason;
  await stopTree();
  clearInterval(poll);
  // If the command has not been reaped yet, its exit handler finishes the job.
  if (child.exitCode !== null || child.signalCode !== null)
    finish(child.exitCode, child.signalCode);
}

/**
 * @param {number | null} code
 * @param {NodeJS.Signals | null} signal
 */
function finish(code, signal) {
  clearInterval(poll);
  for (const name of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.removeAllListeners(name);
  if (signal) process.kill(process.pid, signal);
  process.exit(code ?? 1);
}

child.on('error', (error) => {
  process.stderr.write(`cannot start ${command}: ${error.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  // The command is gone; anything it left behind goes with it.
  void stopTree().then(() => finish(code, signal));
});
for (const name of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP'])) {
  process.on(name, () => void stop(name));
}
process.stdin.on('end', () => void stop('supervisor gone'));
process.stdin.on('error', () => void stop('supervisor gone'));
process.stdin.resume();
