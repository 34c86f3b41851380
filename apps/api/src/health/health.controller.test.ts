import type { JwksClient } from '@oauth-ref/nest-bearer-auth';
import { describe, expect, it } from 'vitest';
import type { NotesRepository } from '../notes/notes.repository.js';
import { HealthController } from './health.controller.js';

function controller(options: { database: boolean; fresh: boolean; keyCount: number }) {
  const notes = {
    ping: () => (options.database ? Promise.resolve() : Promise.reject(new Error('down'))),
  } as unknown as NotesRepository;
  const jwks = {
    ready: async () => options.fresh,
    status: () => ({ keyCount: options.keyCount }),
  } as unknown as JwksClient;
  return new HealthController(notes, jwks);
}

describe('GET /health/ready', () => {
  it('stays ready on cached keys while the issuer is unreachable (stale)', async () => {
    await expect(
      controller({ database: true, fresh: false, keyCount: 2 }).ready(),
    ).resolves.toEqual({
      status: 'ready',
      checks: { database: 'up', jwks: 'stale' },
    });
  });

  it('is not ready without any keys or without the database', async () => {
    await expect(
      controller({ database: true, fresh: false, keyCount: 0 }).ready(),
    ).rejects.toMatchObject({ status: 503 });
    await expect(
      controller({ database: false, fresh: true, keyCount: 2 }).ready(),
    ).rejects.toMatchObject({
      response: { checks: { database: 'down', jwks: 'up' } },
    });
  });
});
