/**
 * CPU time of another process, read from `/proc/<pid>/stat` (utime + stime, every thread: the
 * event loop, the GC helpers and the libuv pool that runs WebCrypto jobs), so the figure is the
 * server's own work whatever else the shared machine is doing — and is read by the parent, not
 * reported by the measured process itself.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const answer = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    ticksPerSecond = Number.isFinite(answer) && answer > 0 ? answer : 100;
  }
  return ticksPerSecond;
}

/**
 * CPU seconds used so far by process `pid` (user + system).
 *
 * @example
 * const before = processCpuSeconds(child.pid);
 */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // the command name (field 2) may contain spaces: count fields after its closing parenthesis
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  return (userTicks + systemTicks) / clockTicks();
}
