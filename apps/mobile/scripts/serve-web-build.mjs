#!/usr/bin/env node
// Serves the production web export (dist/) — not the Expo dev server — on http://localhost:8081.
// Usage: node scripts/serve-web-build.mjs [--port 8081] [--dir dist] (the port may also come from
// PORT, as the stack runner passes it). The provider registers http://localhost:8081/callback, so
// another port needs another registered redirect URI. See web-build-server.mjs for what it answers.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createWebBuildServer, readConnectOrigins } from './web-build-server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT || '8081' },
    dir: { type: 'string', default: 'dist' },
  },
});
const appRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const root = resolve(appRoot, values.dir);
const port = Number(values.port);
const connectOrigins = await readConnectOrigins(root);

const server = createWebBuildServer({ root, connectOrigins });
server.listen(port, () => {
  console.warn(
    `mobile web build (${root}) on http://localhost:${port}; connect-src ${connectOrigins.join(' ')}`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => server.close(() => process.exit(0)));
