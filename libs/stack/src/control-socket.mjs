// `npm run stack -- status|stop|start|restart [app]` from another terminal talks to the running
// supervisor over a unix socket under .data/. A socket file (mode 0600 under the user's umask,
// reachable only from this machine's filesystem) rather than an HTTP port: no web page can reach
// it, and it occupies no port of the demo.
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Where the control socket of the stack started from `dataDir` lives. Unix socket paths are limited
 * to ~100 bytes; a deep checkout falls back to a name in the temp folder derived from the path.
 *
 * @param {string} dataDir
 * @returns {string}
 * @example
 * controlSocketPath('/home/me/oauth-reference/.data'); // '/home/me/oauth-reference/.data/stack.sock'
 */
export function controlSocketPath(dataDir) {
  const path = join(dataDir, 'stack.sock');
  if (Buffer.byteLength(path) < 100) return path;
  const digest = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  return join(tmpdir(), `oauth-ref-stack-${digest}.sock`);
}

/**
 * @typedef {{ command: 'status' | 'stop' | 'start' | 'restart', app?: string }} ControlRequest
 * @typedef {{ ok: boolean, message: string, status?: import('./supervisor.mjs').AppStatus[] }} ControlReply
 */

/**
 * Serves control requests (one JSON line in, one JSON line out) until closed.
 *
 * @param {string} path
 * @param {(request: ControlRequest) => Promise<ControlReply>} handle
 * @returns {Promise<{ close: () => Promise<void> }>}
 * @example
 * const control = await serveControlSocket(path, async () => ({ ok: true, message: 'fine' }));
 */
export async function serveControlSocket(path, handle) {
  mkdirSync(dirname(path), { recursive: true });
  if (existsSync(path)) {
    // A socket left by a supervisor that was killed: refuse only if someone still answers on it.
    const alive = await sendControlRequest(path, { command: 'status' }).then(
      () => true,
      () => false,
    );
    if (alive) throw new Error(`another stack is running (control socket ${path})`);
    rmSync(path, { force: true });
  }
  const server = createServer((socket) => {
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end < 0) return;
      /** @type {Promise<ControlReply>} */
      let reply;
      try {
        reply = handle(JSON.parse(buffer.slice(0, end)));
      } catch {
        reply = Promise.resolve({ ok: false, message: 'malformed request' });
      }
      void reply
        .catch((/** @type {unknown} */ error) => ({
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        }))
        .then((answer) => socket.end(`${JSON.stringify(answer)}\n`));
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve(undefined));
  });
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        rmSync(path, { force: true });
      }),
  };
}

/**
 * Sends one request to a running stack and returns its reply.
 *
 * @param {string} path
 * @param {ControlRequest} request
 * @param {number} [timeoutMs]
 * @returns {Promise<ControlReply>}
 * @example
 * const { status } = await sendControlRequest(path, { command: 'status' });
 */
export function sendControlRequest(path, request, timeoutMs = 180_000) {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let buffer = '';
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('the stack did not answer')));
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk) => {
      buffer += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      try {
        resolve(JSON.parse(buffer));
      } catch {
        reject(new Error('the stack closed the connection without an answer'));
      }
    });
  });
}
