import { createPrismaClient } from '@oauth-ref/db';
import { describeEachDatabase } from '@oauth-ref/db/testing';
import { expect, it } from 'vitest';
import { createOidcAdapterFactory, OidcAdapter } from './oidc-adapter.js';
import { createPrismaOidcPayloadRepository } from './prisma-oidc-payload-repository.js';
import { sweepExpired } from './sweep-expired.js';

describeEachDatabase('the Prisma adapter for every engine model', (db) => {
  const repository = () => createPrismaOidcPayloadRepository(db().prisma);

  it('stores and finds a payload per (model, id), models kept apart', async () => {
    const factory = createOidcAdapterFactory(repository());
    await factory('AccessToken').upsert('same-id', { kind: 'AccessToken', jti: 'same-id' }, 60);
    await factory('RefreshToken').upsert('same-id', { kind: 'RefreshToken', jti: 'same-id' }, 60);
    expect(await factory('AccessToken').find('same-id')).toMatchObject({ kind: 'AccessToken' });
    expect(await factory('RefreshToken').find('same-id')).toMatchObject({ kind: 'RefreshToken' });
    expect(await factory('Grant').find('same-id')).toBeUndefined();
  });

  it('upsert replaces the payload and clears consumption', async () => {
    const adapter = new OidcAdapter('Interaction', repository());
    await adapter.upsert('i1', { kind: 'Interaction', jti: 'i1', returnTo: 'a' }, 60);
    await adapter.consume('i1');
    await adapter.upsert('i1', { kind: 'Interaction', jti: 'i1', returnTo: 'b' }, 60);
    const found = await adapter.find('i1');
    expect(found?.returnTo).toBe('b');
    expect(found?.consumed).toBeUndefined();
  });

  it('honours expiry on read, before the sweeper runs', async () => {
    let now = Date.now();
    const adapter = new OidcAdapter('AuthorizationCode', repository(), () => now);
    await adapter.upsert('c1', { kind: 'AuthorizationCode', jti: 'c1' }, 10);
    expect(await adapter.find('c1')).toBeDefined();
    now += 11_000;
    expect(await adapter.find('c1')).toBeUndefined();
  });

  it('keeps payloads without expiry (clients) forever', async () => {
    const adapter = new OidcAdapter(
      'Client',
      repository(),
      () => Date.now() + 10 * 365 * 86_400_000,
    );
    await adapter.upsert('client-x', { client_id: 'client-x' });
    expect(await adapter.find('client-x')).toMatchObject({ client_id: 'client-x' });
  });

  it('consume records consumedAt and find reports it as `consumed` (epoch seconds)', async () => {
    const adapter = new OidcAdapter('RefreshToken', repository());
    await adapter.upsert('r1', { kind: 'RefreshToken', jti: 'r1', grantId: 'g1' }, 60);
    expect((await adapter.find('r1'))?.consumed).toBeUndefined();
    await adapter.consume('r1');
    const consumed = (await adapter.find('r1'))?.consumed;
    expect(typeof consumed).toBe('number');
    expect(Math.abs(Number(consumed) - Date.now() / 1000)).toBeLessThan(5);
    const row = await db().prisma.oidcPayload.findUnique({
      where: { model_id: { model: 'RefreshToken', id: 'r1' } },
    });
    expect(row?.consumedAt).toBeInstanceOf(Date);
  });

  it('consumes atomically: of concurrent consumers exactly one wins, the others get invalid_grant', async () => {
    const adapter = new OidcAdapter('AuthorizationCode', repository());
    await adapter.upsert('race', { kind: 'AuthorizationCode', jti: 'race' }, 60);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => adapter.consume('race')),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ error: 'invalid_grant' });
    }
    const par = new OidcAdapter('PushedAuthorizationRequest', repository());
    await par.upsert('p1', { jti: 'p1' }, 60);
    await par.consume('p1');
    await expect(par.consume('p1')).rejects.toMatchObject({ error: 'invalid_request_uri' });
  });

  it('insertIfAbsent: of concurrent inserts exactly one wins; an expired row may be taken again', async () => {
    let now = Date.now();
    const adapter = new OidcAdapter('ReplayDetection', repository(), () => now);
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => adapter.insertIfAbsent('proof-1', { jti: 'proof-1' }, 10)),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await adapter.insertIfAbsent('proof-1', { jti: 'proof-1' }, 10)).toBe(false);
    now += 11_000;
    expect(await adapter.insertIfAbsent('proof-1', { jti: 'proof-1' }, 10)).toBe(true);
    expect(await adapter.insertIfAbsent('proof-1', { jti: 'proof-1' }, 10)).toBe(false);
  });

  it('finds sessions by uid and device codes by user code', async () => {
    const factory = createOidcAdapterFactory(repository());
    await factory('Session').upsert('s1', { kind: 'Session', jti: 's1', uid: 'uid-1' }, 60);
    await factory('DeviceCode').upsert(
      'd1',
      { kind: 'DeviceCode', jti: 'd1', userCode: 'ABCD-EFGH' },
      60,
    );
    expect(await factory('Session').findByUid('uid-1')).toMatchObject({ jti: 's1' });
    expect(await factory('Session').findByUid('uid-2')).toBeUndefined();
    expect(await factory('DeviceCode').findByUserCode('ABCD-EFGH')).toMatchObject({ jti: 'd1' });
    expect(await factory('DeviceCode').findByUserCode('XXXX-XXXX')).toBeUndefined();
  });

  it('revokeByGrantId deletes that model’s artefacts of the grant only', async () => {
    const factory = createOidcAdapterFactory(repository());
    await factory('AccessToken').upsert('a1', { jti: 'a1', grantId: 'grant-1' }, 60);
    await factory('AccessToken').upsert('a2', { jti: 'a2', grantId: 'grant-2' }, 60);
    await factory('RefreshToken').upsert('r9', { jti: 'r9', grantId: 'grant-1' }, 60);
    await factory('AccessToken').revokeByGrantId('grant-1');
    expect(await factory('AccessToken').find('a1')).toBeUndefined();
    expect(await factory('AccessToken').find('a2')).toBeDefined();
    expect(await factory('RefreshToken').find('r9')).toBeDefined();
  });

  it('destroy deletes one payload', async () => {
    const adapter = new OidcAdapter('Grant', repository());
    await adapter.upsert('g9', { jti: 'g9' }, 60);
    await adapter.destroy('g9');
    expect(await adapter.find('g9')).toBeUndefined();
    await expect(adapter.destroy('never-existed')).resolves.toBeUndefined();
  });

  it('findEach with grants also returns the grants the rows name; an interaction names its consent’s', async () => {
    const repo = repository();
    const factory = createOidcAdapterFactory(repo);
    await factory('Grant').upsert('g-code', { jti: 'g-code' }, 60);
    await factory('Grant').upsert('g-consent', { jti: 'g-consent' }, 60);
    await factory('Grant').upsert('g-other', { jti: 'g-other' }, 60);
    await factory('AuthorizationCode').upsert('c-named', { jti: 'c-named', grantId: 'g-code' }, 60);
    await factory('Interaction').upsert(
      'i-consented',
      { jti: 'i-consented', result: { consent: { grantId: 'g-consent' } } },
      60,
    );
    const keys = [
      { model: 'AuthorizationCode', id: 'c-named' },
      { model: 'Interaction', id: 'i-consented' },
    ];
    const ids = (rows: { model: string; id: string }[]) =>
      rows.map((row) => `${row.model}/${row.id}`).sort();
    expect(ids(await repo.findEach(keys))).toEqual([
      'AuthorizationCode/c-named',
      'Interaction/i-consented',
    ]);
    expect(ids(await repo.findEach(keys, { grants: true }))).toEqual([
      'AuthorizationCode/c-named',
      'Grant/g-code',
      'Grant/g-consent',
      'Interaction/i-consented',
    ]);
  });

  it('writeAll: upserts and destroys in one statement; a destroyed row is gone for every read and step', async () => {
    const repo = repository();
    const factory = createOidcAdapterFactory(repo);
    await factory('Session').upsert('s-old', { jti: 's-old', uid: 'uid-old' }, 60);
    await factory('AuthorizationCode').upsert('c-old', { jti: 'c-old', grantId: 'g-1' }, 60);
    await factory('DeviceCode').upsert('d-old', { jti: 'd-old', userCode: 'WXYZ-WXYZ' }, 60);
    const live = {
      payload: '{"jti":"s-new"}',
      grantId: null,
      userCode: null,
      uid: 'uid-new',
      expiresAt: new Date(Date.now() + 60_000),
    };
    const statements: string[] = [];
    const client = createPrismaClient(db().url, { onQuery: (sql) => statements.push(sql) });
    const counted = createPrismaOidcPayloadRepository(client);
    await counted.writeAll(
      [{ model: 'Session', id: 's-new', ...live }],
      [
        { model: 'Session', id: 's-old' },
        { model: 'AuthorizationCode', id: 'c-old' },
        { model: 'DeviceCode', id: 'd-old' },
      ],
    );
    await client.$disconnect();
    expect(statements).toHaveLength(1);
    expect(await factory('Session').find('s-new')).toMatchObject({ jti: 's-new' });
    expect(await factory('Session').find('s-old')).toBeUndefined();
    expect(await factory('Session').findByUid('uid-old')).toBeUndefined();
    expect(await factory('DeviceCode').findByUserCode('WXYZ-WXYZ')).toBeUndefined();
    // Nothing of the destroyed payload stays stored; the row waits for the sweeper.
    const stored = await db().prisma.oidcPayload.findUnique({
      where: { model_id: { model: 'AuthorizationCode', id: 'c-old' } },
    });
    expect(stored).toMatchObject({ payload: '{}', grantId: null, uid: null, userCode: null });
    expect(stored!.expiresAt!.getTime()).toBeLessThan(Date.now());
    // A destroyed code cannot be consumed (a request that read it before the destroy loses).
    await expect(factory('AuthorizationCode').consume('c-old')).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    // An upsert brings the id back to life.
    await factory('Session').upsert('s-old', { jti: 's-old', again: true }, 60);
    expect(await factory('Session').find('s-old')).toMatchObject({ again: true });
    expect((await sweepExpired(repo, db().prisma)).payloads).toBeGreaterThanOrEqual(2);
    expect(
      await db().prisma.oidcPayload.count({ where: { model: 'AuthorizationCode', id: 'c-old' } }),
    ).toBe(0);
  });

  it('the sweeper deletes expired rows, rate-limit counters and seen-once markers, and nothing else', async () => {
    const prisma = db().prisma;
    const adapter = new OidcAdapter('ReplayDetection', repository(), () => Date.now() - 120_000);
    await adapter.upsert('old', { jti: 'old' }, 60);
    await new OidcAdapter('ReplayDetection', repository()).upsert('fresh', { jti: 'fresh' }, 60);
    const past = new Date(Date.now() - 1000);
    const future = new Date(Date.now() + 60_000);
    await prisma.rateLimiterFlexible.createMany({
      data: [
        { key: 'login:user:old-window', points: 3, expire: past },
        { key: 'login:user:live-window', points: 3, expire: future },
      ],
    });
    await prisma.seenOnce.createMany({
      data: [
        { key: 'csrf:old', expiresAt: past },
        { key: 'csrf:live', expiresAt: future },
      ],
    });
    const result = await sweepExpired(repository(), prisma);
    expect(result.payloads).toBeGreaterThanOrEqual(1);
    expect(result.rateLimitCounters).toBe(1);
    expect(result.seenOnce).toBe(1);
    expect(
      await prisma.rateLimiterFlexible.count({ where: { key: 'login:user:live-window' } }),
    ).toBe(1);
    expect(await prisma.seenOnce.count({ where: { key: 'csrf:live' } })).toBe(1);
    expect(await prisma.oidcPayload.count({ where: { model: 'ReplayDetection', id: 'old' } })).toBe(
      0,
    );
    expect(
      await prisma.oidcPayload.count({ where: { model: 'ReplayDetection', id: 'fresh' } }),
    ).toBe(1);
  });
});
