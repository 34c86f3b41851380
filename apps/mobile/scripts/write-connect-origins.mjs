#!/usr/bin/env node
// Runs after `expo export`: records in dist/connect-origins.json the issuer and API origins that
// Expo inlined into the bundle (the same EXPO_PUBLIC_* variables and defaults as
// src/config/load-app-config.ts), so the web server's CSP `connect-src` names exactly those two.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = resolve(fileURLToPath(new URL('../dist', import.meta.url)));
const origins = [
  process.env.EXPO_PUBLIC_OAUTH_ISSUER || 'http://localhost:4000',
  process.env.EXPO_PUBLIC_API_URL || 'http://localhost:3333',
].map((value) => new URL(value).origin);
await writeFile(
  resolve(dist, 'connect-origins.json'),
  `${JSON.stringify([...new Set(origins)])}\n`,
);
console.warn(`connect-src for the web build: ${origins.join(' ')}`);
