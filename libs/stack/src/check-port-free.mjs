// A busy port must fail fast with a message that names the port and the variable that moves it,
// not as an EADDRINUSE stack trace from deep inside one of four apps.
import { createServer } from 'node:net';

/**
 * Resolves when nothing listens on `port` (on any local address); rejects with a clear message
 * otherwise.
 *
 * @param {number} port
 * @param {string} label e.g. `web (WEB_PORT)`
 * @returns {Promise<void>}
 * @example
 * await checkPortFree(3000, 'web (WEB_PORT)');
 */
export function checkPortFree(port, label) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `port ${port} for ${label} is already in use: stop whatever listens there (is the demo already running?) or choose another port with that variable`
            : `cannot check port ${port} for ${label}: ${error.message}`,
        ),
      );
    });
    server.listen({ port, exclusive: true }, () => server.close(() => resolve()));
  });
}
