import { describe, expect, it } from 'vitest';
import type { OidcPayloadRepository, OidcPayloadRow } from './oidc-payload-repository.js';
import { createRequestMemoRepository, runInRequestScope } from './request-memo.js';

function row(model: string, id: string, extra: Partial<OidcPayloadRow> = {}): OidcPayloadRow {
  return {
    model,
    id,
    payload: JSON.stringify({ id }),
    grantId: null,
    userCode: null,
    uid: null,
    expiresAt: null,
    consumedAt: null,
    ...extra,
  };
}

/** A store of rows that records each call reaching it. */
function recordingStore(rows: OidcPayloadRow[]) {
  const calls: string[] = [];
  const table = new Map(rows.map((stored) => [`${stored.model}/${stored.id}`, stored]));
  const inner = {
    async find(model: string, id: string) {
      calls.push(`find ${model}/${id}`);
      return table.get(`${model}/${id}`) ?? null;
    },
    async findEach(keys: readonly { model: string; id: string }[], options?: { grants?: boolean }) {
      const list = keys.map((key) => `${key.model}/${key.id}`).join(',');
      calls.push(`findEach${options?.grants ? '+grants' : ''} ${list}`);
      const found = keys.flatMap((key) => table.get(`${key.model}/${key.id}`) ?? []);
      const named = options?.grants
        ? found.flatMap((stored) => table.get(`Grant/${stored.grantId}`) ?? [])
        : [];
      return [...found, ...named];
    },
    async findByUid(model: string, uid: string) {
      calls.push(`findByUid ${model}/${uid}`);
      return (
        [...table.values()].find((stored) => stored.model === model && stored.uid === uid) ?? null
      );
    },
    async upsert(written: Omit<OidcPayloadRow, 'consumedAt'>) {
      calls.push(`upsert ${written.model}/${written.id}`);
      table.set(`${written.model}/${written.id}`, { ...written, consumedAt: null });
    },
  } as unknown as OidcPayloadRepository;
  return { calls, inner, table };
}

describe('request memo prefetch', () => {
  it('fetches the hinted rows with the first read, in one call, and answers later reads from it', async () => {
    const store = recordingStore([
      row('Interaction', 'i1'),
      row('Session', 's1', { uid: 'u1', payload: '{"session":1}' }),
    ]);
    const repository = createRequestMemoRepository(store.inner);
    await runInRequestScope(async () => {
      expect((await repository.find('Interaction', 'i1'))?.id).toBe('i1');
      expect((await repository.findByUid('Session', 'u1'))?.id).toBe('s1');
      expect(await repository.find('Session', 's1')).not.toBeNull();
      expect(await repository.find('Grant', 'missing')).toBeNull();
    }, [
      { model: 'Interaction', id: 'i1' },
      { model: 'Session', id: 's1' },
      { model: 'AccessToken', id: 'not-there' },
    ]);
    expect(store.calls).toEqual([
      'findEach+grants Interaction/i1,Session/s1,AccessToken/not-there',
      'findEach Grant/missing',
    ]);
  });

  it('reads the grant a code, a token or a consented interaction names in the same call', async () => {
    const store = recordingStore([
      row('AuthorizationCode', 'c1', { grantId: 'g1' }),
      row('Grant', 'g1'),
      row('Interaction', 'i1', { grantId: 'g2' }),
      row('Grant', 'g2', { payload: '{"stored":true}' }),
    ]);
    const repository = createRequestMemoRepository(store.inner);
    await runInRequestScope(async () => {
      expect((await repository.find('AuthorizationCode', 'c1'))?.grantId).toBe('g1');
      expect((await repository.find('Grant', 'g1'))?.id).toBe('g1');
    });
    await runInRequestScope(async () => {
      // What the request wrote before the read is kept, not replaced by the fetched grant.
      await repository.upsert({ ...row('Grant', 'g2'), payload: '{"written":true}' });
      expect((await repository.find('Interaction', 'i1'))?.grantId).toBe('g2');
      expect((await repository.find('Grant', 'g2'))?.payload).toBe('{"written":true}');
    }, [{ model: 'Interaction', id: 'i1' }]);
    expect(store.calls).toEqual([
      'findEach+grants AuthorizationCode/c1',
      'upsert Grant/g2',
      'findEach+grants Interaction/i1',
    ]);
  });

  it('never replaces what the request wrote with the fetched copy, and keeps nothing across requests', async () => {
    const store = recordingStore([row('Session', 's1', { payload: '{"old":true}' })]);
    const repository = createRequestMemoRepository(store.inner);
    const hints = [{ model: 'Session', id: 's1' }];
    await runInRequestScope(async () => {
      await repository.upsert({ ...row('Session', 's1'), payload: '{"new":true}' });
      expect((await repository.find('Session', 's1'))?.payload).toBe('{"new":true}');
    }, hints);
    store.table.set('Session/s1', row('Session', 's1', { payload: '{"other":true}' }));
    await runInRequestScope(async () => {
      expect((await repository.find('Session', 's1'))?.payload).toBe('{"other":true}');
    }, hints);
    expect(store.calls).toEqual(['upsert Session/s1', 'findEach Session/s1']);
  });
});
