#!/usr/bin/env node
// Runs after `expo export`: fails the build if the web bundle carries a secret. A public client has
// none, and everything in the bundle is readable by anyone. Checked: no client secret registered in
// the demo config (e.g. the web app's, which a careless shared import would drag in), no PEM private
// key, and no `client_secret` JSON member with a literal value. (Library code that *could* send a
// secret, such as expo-auth-session's confidential-client branch, is fine: it is never given one.
// The e2e specs check the real requests; the app's config refuses EXPO_PUBLIC_OAUTH_CLIENT_SECRET.)
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (path) => resolve(fileURLToPath(new URL(path, import.meta.url)));
const dist = here('../dist');
const demoConfig = await readFile(here('../../../libs/demo-config/src/demo-config.ts'), 'utf8');
const demoSecrets = [...demoConfig.matchAll(/clientSecret:\s*'([^']+)'/g)].map((m) => m[1]);

const forbidden = [
  ...demoSecrets.map((secret) => ({
    name: 'a demo client secret',
    test: (t) => t.includes(secret),
  })),
  { name: 'a PEM private key', test: (t) => /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(t) },
  {
    name: 'a client_secret member with a literal value',
    test: (t) => /"client_secret"\s*:\s*"[^"]+"/.test(t),
  },
];

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.(js|html|json|map)$/.test(entry.name)) yield path;
  }
}

let checked = 0;
const findings = [];
for await (const file of files(dist)) {
  const text = await readFile(file, 'utf8');
  checked += 1;
  for (const { name, test } of forbidden) if (test(text)) findings.push(`${file}: ${name}`);
}
if (checked === 0) {
  console.error(`no bundle files under ${dist}: run the export first`);
  process.exit(1);
}
if (findings.length > 0) {
  console.error(`The web bundle must not contain a secret:\n${findings.join('\n')}`);
  process.exit(1);
}
console.warn(
  `bundle check: ${checked} files, ${demoSecrets.length} known demo secret(s) absent, no private key`,
);
