import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  OidcPayloadKey,
  OidcPayloadRepository,
  OidcPayloadRow,
} from './oidc-payload-repository.js';
import {
  createRequestMemoRepository,
  runInRequestScope,
  withDeferredWrites,
} from './request-memo.js';

type Write = Omit<OidcPayloadRow, 'consumedAt'>;

function write(model: string, id: string, payload = '{}'): Write {
  return { model, id, payload, grantId: null, userCode: null, uid: null, expiresAt: null };
}

/** A store that records each call reaching it; `failWrites` makes `writeAll` reject. */
function recordingStore(options: { failWrites?: boolean; slowWrites?: boolean } = {}) {
  const calls: string[] = [];
  const inner = {
    async find(model: string, id: string) {
      calls.push(`find ${model}/${id}`);
      return null;
    },
    async upsert(row: Write) {
      calls.push(`upsert ${row.model}/${row.id}`);
    },
    async destroy(model: string, id: string) {
      calls.push(`destroy ${model}/${id}`);
    },
    async consume(model: string, id: string) {
      calls.push(`consume ${model}/${id}`);
      return true;
    },
    async insertIfAbsent(row: Write) {
      calls.push(`insertIfAbsent ${row.model}/${row.id}`);
      return true;
    },
    async writeAll(upserts: readonly Write[], destroys: readonly OidcPayloadKey[]) {
      calls.push(
        `writeAll +${upserts.map((row) => `${row.model}/${row.id}`).join(',')} -${destroys
          .map((key) => `${key.model}/${key.id}`)
          .join(',')}`,
      );
      if (options.slowWrites) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        calls.push('written');
      }
      if (options.failWrites) throw new Error('database down');
    },
  } as unknown as OidcPayloadRepository;
  return { calls, repository: createRequestMemoRepository(inner) };
}

describe('deferred engine writes (unit of work)', () => {
  it('writes a request’s upserts and destroys together at the end, the last per key winning', async () => {
    const { calls, repository } = recordingStore();
    await runInRequestScope(() =>
      withDeferredWrites(async () => {
        await repository.upsert(write('Interaction', 'i1'));
        await repository.destroy('Interaction', 'i1');
        await repository.upsert(write('Session', 's2', '{"v":1}'));
        await repository.destroy('Session', 's1');
        await repository.upsert(write('Session', 's2', '{"v":2}'));
        // The request's own reads see its pending writes.
        expect((await repository.find('Session', 's2'))?.payload).toBe('{"v":2}');
        expect(await repository.find('Interaction', 'i1')).toBeNull();
        expect(calls).toEqual([]);
      }),
    );
    expect(calls).toEqual(['writeAll +Session/s2 -Interaction/i1,Session/s1']);
  });

  it('writes what is pending before a check-and-set step, which stays immediate', async () => {
    const { calls, repository } = recordingStore();
    await runInRequestScope(() =>
      withDeferredWrites(async () => {
        await repository.upsert(write('AuthorizationCode', 'c1'));
        expect(await repository.consume('AuthorizationCode', 'c1', new Date())).toBe(true);
        await repository.upsert(write('RefreshToken', 'r1'));
      }),
    );
    expect(calls).toEqual([
      'writeAll +AuthorizationCode/c1 -',
      'consume AuthorizationCode/c1',
      'writeAll +RefreshToken/r1 -',
    ]);
  });

  it('lets a step wait for pending writes another step of the request is still making', async () => {
    const { calls, repository } = recordingStore({ slowWrites: true });
    await runInRequestScope(() =>
      withDeferredWrites(async () => {
        await repository.upsert(write('AuthorizationCode', 'c1'));
        await Promise.all([
          repository.consume('AuthorizationCode', 'c1', new Date()),
          repository.insertIfAbsent(write('ReplayDetection', 'j1'), new Date()),
        ]);
      }),
    );
    expect(calls).toEqual([
      'writeAll +AuthorizationCode/c1 -',
      'written',
      'consume AuthorizationCode/c1',
      'insertIfAbsent ReplayDetection/j1',
    ]);
  });

  it('writes Client rows and writes outside the unit of work at once', async () => {
    const { calls, repository } = recordingStore();
    await runInRequestScope(async () => {
      await withDeferredWrites(async () => {
        await repository.upsert(write('Client', 'c'));
      });
      await repository.upsert(write('Session', 'late'));
    });
    expect(calls).toEqual(['upsert Client/c', 'upsert Session/late']);
  });

  describe('over HTTP', () => {
    let server: Server | undefined;
    afterEach(async () => {
      await new Promise((resolve) => server?.close(resolve));
    });

    it('answers 500, without the handler’s redirect or cookies, when the writes fail', async () => {
      const { repository } = recordingStore({ failWrites: true });
      const app = new Koa();
      app.silent = true;
      app.use((_ctx, next) => withDeferredWrites(next));
      app.use(async (ctx) => {
        await repository.upsert(write('Session', 's1'));
        ctx.cookies.set('op.session', 's1');
        ctx.redirect('/callback?code=x');
      });
      const handler = app.callback();
      server = createServer((req, res) => runInRequestScope(() => handler(req, res)));
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
      expect(response.status).toBe(500);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('set-cookie')).toBeNull();
    });
  });
});
