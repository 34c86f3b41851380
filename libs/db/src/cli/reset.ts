// npm run db:reset — drops and recreates DATABASE_URL's schema (default: the embedded SQLite),
// after a confirmation, then seeds the demo users and clients again.
import { spawn } from 'node:child_process';
import { resetDatabase } from '../migrate/reset-database.js';
import { resolveDatabaseUrl } from '../resolve-database-url.js';
import { workspaceRoot } from '../workspace-root.js';
import { confirmReset } from './confirm-reset.js';
import { runCli } from './run-cli.js';

await runCli({
  usage: `Usage: npm run db:reset [-- --yes]

Deletes every table and row of the database named by DATABASE_URL (unset: the embedded SQLite
file), applies every migration again, and seeds the demo users and clients (npm run db:seed,
with DEMO_MODE=true).
Asks for confirmation on a terminal; scripts pass --yes. Refuses without either.

Options:
  -y, --yes    do not ask
  -h, --help   this help`,
  options: { yes: { type: 'boolean', short: 'y', default: false } },
  databaseUrl: () => process.env['DATABASE_URL'],
  run: async ({ values }) => {
    const target = resolveDatabaseUrl(process.env['DATABASE_URL']);
    const go = await confirmReset(target.redacted, {
      yes: values.yes === true,
      input: process.stdin,
      output: process.stdout,
    });
    if (!go) {
      console.log('not reset.');
      return;
    }
    const { applied } = await resetDatabase(process.env['DATABASE_URL']);
    console.log(`${target.redacted}: reset, applied ${applied.join(', ')}`);
    await new Promise<void>((resolve, reject) => {
      // Resetting is asked for by name and confirmed, so the demo seed is wanted: opt in to it
      // (the provider refuses to seed the public demo users unless DEMO_MODE is on).
      const seed = spawn('npm', ['run', '--silent', 'db:seed'], {
        cwd: workspaceRoot,
        stdio: 'inherit',
        env: { ...process.env, DEMO_MODE: 'true' },
      });
      seed.on('error', reject);
      seed.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`npm run db:seed failed (exit ${code})`)),
      );
    });
  },
});
