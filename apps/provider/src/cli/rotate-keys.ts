/**
 * `npm run provider:rotate-keys` (root) / `npm run rotate-keys -w @oauth-ref/provider`.
 *
 *   rotate-keys                      add a key: published now, signing after KEY_ACTIVATION_DELAY_SECONDS,
 *                                    the current signer retires KEY_RETIREMENT_GRACE_SECONDS after that
 *   rotate-keys --activate-in=0 --grace=3600
 *   rotate-keys --retire [--kid=K]   the retire step: take superseded keys (or K) out of the JWKS now
 *   rotate-keys --list               show every key and its state
 *
 * Running instances pick the change up within KEY_REFRESH_SECONDS.
 */
import { CliUsageError, createPrismaClient, resolveDatabaseUrl, runCli } from '@oauth-ref/db';
import { loadConfig } from '../config/config.js';
import { computeKeyRing } from '../keys/key-ring.js';
import {
  ensureSigningKey,
  loadKeyRows,
  retireSigningKeys,
  rotateSigningKeys,
} from '../keys/signing-key-store.js';

const usage = `Usage: npm run provider:rotate-keys [-- options]

Rotates the provider's signing keys in the database (DATABASE_URL; unset: the embedded SQLite).
Running instances pick the change up within KEY_REFRESH_SECONDS.

  (no option)            add a key: in the JWKS now, signing after KEY_ACTIVATION_DELAY_SECONDS;
                         the current signer retires KEY_RETIREMENT_GRACE_SECONDS after that
  --activate-in=<s>      seconds until the new key signs (overrides KEY_ACTIVATION_DELAY_SECONDS)
  --grace=<s>            seconds the old key stays in the JWKS (overrides KEY_RETIREMENT_GRACE_SECONDS)
  --retire [--kid=<k>]   take superseded keys (or key <k>) out of the JWKS now
  --list                 show every key and its state
  -h, --help             this help`;

/** A whole number of seconds from an option, or a usage error naming it. */
function secondsOption(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new CliUsageError(`--${name} must be a whole number of seconds, not "${raw}"`);
  return value;
}

await runCli({
  usage,
  options: {
    'activate-in': { type: 'string' },
    grace: { type: 'string' },
    retire: { type: 'boolean', default: false },
    kid: { type: 'string' },
    list: { type: 'boolean', default: false },
  },
  databaseUrl: () => loadConfig().databaseUrl,
  run: async ({ values }) => {
    const config = loadConfig();
    const activationDelaySeconds = secondsOption(
      'activate-in',
      values['activate-in'] as string | undefined,
      config.keys.activationDelaySeconds,
    );
    const retirementGraceSeconds = secondsOption(
      'grace',
      values.grace as string | undefined,
      config.keys.retirementGraceSeconds,
    );
    const prisma = createPrismaClient(resolveDatabaseUrl(config.databaseUrl).url);
    try {
      await ensureSigningKey(prisma);
      if (values.retire) {
        const kid = values.kid as string | undefined;
        const retired = await retireSigningKeys(prisma, kid ? { kid } : {});
        console.log(retired.length ? `retired: ${retired.join(', ')}` : 'nothing to retire');
      } else if (!values.list) {
        const result = await rotateSigningKeys(prisma, {
          activationDelaySeconds,
          retirementGraceSeconds,
        });
        console.log(
          `new key ${result.kid}: in the JWKS now, signing from ${result.activateAt.toISOString()}`,
        );
        for (const old of result.retiring)
          console.log(`key ${old.kid} leaves the JWKS at ${old.retireAt.toISOString()}`);
      }
      const rows = await loadKeyRows(prisma);
      const ring = computeKeyRing(rows);
      for (const row of rows) {
        console.log(
          `${row.kid}  ${ring.stateOf(row.kid)}  activate ${row.activateAt.toISOString()}  retire ${row.retireAt?.toISOString() ?? '-'}`,
        );
      }
    } finally {
      await prisma.$disconnect();
    }
  },
});
