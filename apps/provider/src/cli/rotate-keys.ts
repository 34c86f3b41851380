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
import { parseArgs } from 'node:util';
import { createPrismaClient, resolveDatabaseUrl } from '@oauth-ref/db';
import { loadConfig } from '../config/config.js';
import { computeKeyRing } from '../keys/key-ring.js';
import {
  ensureSigningKey,
  loadKeyRows,
  retireSigningKeys,
  rotateSigningKeys,
} from '../keys/signing-key-store.js';

const { values } = parseArgs({
  options: {
    'activate-in': { type: 'string' },
    grace: { type: 'string' },
    retire: { type: 'boolean', default: false },
    kid: { type: 'string' },
    list: { type: 'boolean', default: false },
  },
});

const config = loadConfig();
const prisma = createPrismaClient(resolveDatabaseUrl(config.databaseUrl).url);
try {
  await ensureSigningKey(prisma);
  if (values.retire) {
    const retired = await retireSigningKeys(prisma, values.kid ? { kid: values.kid } : {});
    console.log(retired.length ? `retired: ${retired.join(', ')}` : 'nothing to retire');
  } else if (!values.list) {
    const result = await rotateSigningKeys(prisma, {
      activationDelaySeconds:
        values['activate-in'] !== undefined
          ? Number(values['activate-in'])
          : config.keys.activationDelaySeconds,
      retirementGraceSeconds:
        values.grace !== undefined ? Number(values.grace) : config.keys.retirementGraceSeconds,
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
