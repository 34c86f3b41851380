/**
 * Runs the real entry point (`src/main.ts`) as a separate process, like a second deployment would,
 * and waits until /health answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const appRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface SpawnedProvider {
  readonly url: string;
  readonly output: string[];
  stop(): Promise<void>;
}

export async function spawnProvider(
  env: Record<string, string>,
  port: number,
): Promise<SpawnedProvider> {
  const output: string[] = [];
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@oauth-ref/source', '--import', 'tsx', 'src/main.ts'],
    {
      cwd: appRoot,
      // Only what the provider reads: the child gets no ambient environment (config comes from `env`).
      env: { HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`provider exited early:\n${output.join('')}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`provider did not become healthy:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
