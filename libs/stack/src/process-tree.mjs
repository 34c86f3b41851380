// Stopping an app means stopping every process it started, whatever process group or session
// each one moved to: the tree is read from the kernel (parent links), not from process groups.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Every live process as `[pid, parentPid]`: /proc on Linux, `ps` elsewhere (macOS).
 *
 * @returns {Array<[number, number]>}
 */
function listProcesses() {
  if (process.platform === 'linux') {
    /** @type {Array<[number, number]>} */
    const rows = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid …" — comm may contain spaces and parentheses.
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        rows.push([Number(entry), ppid]);
      } catch {
        /* exited while we read */
      }
    }
    return rows;
  }
  return execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => /** @type {[number, number]} */ (line.trim().split(/\s+/).map(Number)));
}

/**
 * The pids of every descendant of `rootPid` (children, grandchildren, …), not `rootPid` itself.
 *
 * @param {number} rootPid
 * @returns {number[]}
 * @example
 * listDescendants(process.pid); // e.g. [4242, 4243]
 */
export function listDescendants(rootPid) {
  /** @type {Map<number, number[]>} */
  const childrenOf = new Map();
  for (const [pid, ppid] of listProcesses()) {
    const siblings = childrenOf.get(ppid) ?? [];
    siblings.push(pid);
    childrenOf.set(ppid, siblings);
  }
  const found = [];
  const queue = [rootPid];
  while (queue.length) {
    for (const child of childrenOf.get(/** @type {number} */ (queue.shift())) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/**
 * Sends `signal` to each pid, ignoring those already gone.
 *
 * @param {Iterable<number>} pids
 * @param {NodeJS.Signals} signal
 * @example
 * signalAll([4242, 4243], 'SIGTERM');
 */
export function signalAll(pids, signal) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/**
 * Whether a process with this pid still exists (zombies count as gone on Linux).
 *
 * @param {number} pid
 * @returns {boolean}
 * @example
 * isAlive(process.pid); // true
 */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Linux: every process whose environment holds `name=value` — the processes a command started,
 * even those whose parent already exited (re-parented to init, so no longer in the tree).
 * Elsewhere: none (the tree is all there is).
 *
 * @param {string} name
 * @param {string} value
 * @returns {number[]}
 * @example
 * listProcessesWithEnv('OAUTH_REF_WATCHDOG', '4242:9f1c'); // e.g. [4243, 4250]
 */
export function listProcessesWithEnv(name, value) {
  if (process.platform !== 'linux') return [];
  const needle = `\0${name}=${value}\0`;
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (`\0${readFileSync(`/proc/${entry}/environ`, 'latin1')}`.includes(needle))
        found.push(Number(entry));
    } catch {
      /* exited, or another user's */
    }
  }
  return found;
}
