// Runs a command with inherited output and fails loudly with its exit code.
import { spawn } from 'node:child_process';

/**
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd: string, env?: Record<string, string | undefined>, onLine?: (line: string) => void }} options
 * @returns {Promise<void>}
 * @example
 * await runCommand('npm', ['run', 'db:migrate'], { cwd: workspaceRoot });
 */
export function runCommand(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: options.onLine ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    if (options.onLine) {
      const onLine = options.onLine;
      for (const stream of [child.stdout, child.stderr]) {
        let pending = '';
        stream?.on('data', (/** @type {Buffer} */ chunk) => {
          const text = pending + chunk.toString('utf8');
          const lines = text.split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) onLine(line);
        });
        stream?.on('end', () => pending && onLine(pending));
      }
    }
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}
