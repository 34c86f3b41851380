// Secrets the local demo needs (next-auth's session secret, the provider's admin token) are
// generated on first run into the ignored .data/ folder — never committed, stable across restarts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * @typedef {{ nextAuthSecret: string, providerAdminToken: string }} DevSecrets
 */

/**
 * Reads the demo's secrets from `file`, creating them (mode 0600) on first run.
 *
 * @param {string} file
 * @returns {DevSecrets}
 * @example
 * const { nextAuthSecret } = ensureDevSecrets('.data/dev-secrets.json');
 */
export function ensureDevSecrets(file) {
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof stored.nextAuthSecret === 'string' && typeof stored.providerAdminToken === 'string')
      return stored;
  }
  const secrets = {
    nextAuthSecret: randomBytes(32).toString('base64url'),
    providerAdminToken: randomBytes(32).toString('base64url'),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}
