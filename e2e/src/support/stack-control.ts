// Tests run in worker processes; the stack runs in Playwright's main process (global setup).
// This loopback-only control endpoint lets a test stop and start one app — e.g. the provider, to
// prove the clients fail clearly while it is down and recover without a manual step.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type AppName = 'provider' | 'api' | 'web' | 'mobile';

interface ControllableStack {
  stopApp(name: AppName): Promise<void>;
  startApp(name: AppName): Promise<void>;
}

/** Starts the control endpoint; resolves with its URL and a closer. */
export async function serveStackControl(
  stack: ControllableStack,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const match = /^\/apps\/(provider|api|web|mobile)\/(stop|start)$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) {
      response.writeHead(404).end();
      return;
    }
    const [, name, action] = match as unknown as [string, AppName, 'stop' | 'start'];
    (action === 'stop' ? stack.stopApp(name) : stack.startApp(name)).then(
      () => response.writeHead(204).end(),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * From a test: stops or starts one app of the shared stack.
 *
 * @example
 * await controlApp('provider', 'stop');
 */
export async function controlApp(name: AppName, action: 'stop' | 'start'): Promise<void> {
  const base = process.env['E2E_STACK_CONTROL_URL'];
  if (!base)
    throw new Error('E2E_STACK_CONTROL_URL is not set: run the suite through playwright.config.ts');
  const response = await fetch(`${base}/apps/${name}/${action}`, { method: 'POST' });
  if (response.status !== 204)
    throw new Error(`${action} ${name} failed: ${await response.text()}`);
}
