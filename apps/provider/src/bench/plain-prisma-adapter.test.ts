/**
 * The bench's persisted baseline must do what the engine expects of an adapter, or its figures
 * would compare our provider with an engine that skips work (or fails it).
 */
import { describeEachDatabase } from '@oauth-ref/db/testing';
import { expect, it } from 'vitest';
import { plainPrismaAdapter } from './plain-prisma-adapter.js';

describeEachDatabase('plain Prisma adapter (bench baseline)', (db) => {
  const adapter = (model: string) => new (plainPrismaAdapter(db().prisma))(model);

  it('stores, finds by id, uid and user code, and keeps models apart', async () => {
    const sessions = adapter('Session');
    await sessions.upsert('s1', { uid: 'u1', accountId: 'alice' }, 60);
    await adapter('DeviceCode').upsert('d1', { userCode: 'ABCD', grantId: 'g0' }, 60);
    expect(await sessions.find('s1')).toEqual({ uid: 'u1', accountId: 'alice' });
    expect(await sessions.findByUid('u1')).toEqual({ uid: 'u1', accountId: 'alice' });
    expect(await adapter('DeviceCode').findByUserCode('ABCD')).toMatchObject({ grantId: 'g0' });
    expect(await adapter('Interaction').find('s1')).toBeUndefined();
    await sessions.upsert('s1', { uid: 'u1', accountId: 'bob' }, 60);
    expect(await sessions.find('s1')).toMatchObject({ accountId: 'bob' });
  });

  it('reports expired rows as absent and consumed ones as consumed', async () => {
    const codes = adapter('AuthorizationCode');
    await codes.upsert('gone', { grantId: 'g1' }, -1);
    expect(await codes.find('gone')).toBeUndefined();
    await codes.upsert('c1', { grantId: 'g1' }, 60);
    expect((await codes.find('c1'))?.consumed).toBeUndefined();
    await codes.consume('c1');
    expect((await codes.find('c1'))?.consumed).toBeGreaterThan(0);
  });

  it('destroys one row, and revokes a grant in its own model only', async () => {
    const tokens = adapter('AccessToken');
    const refresh = adapter('RefreshToken');
    await tokens.upsert('t1', { grantId: 'g2' }, 60);
    await tokens.upsert('t2', { grantId: 'g2' }, 60);
    await refresh.upsert('r1', { grantId: 'g2' }, 60);
    await tokens.destroy('t1');
    expect(await tokens.find('t1')).toBeUndefined();
    await tokens.revokeByGrantId('g2');
    expect(await tokens.find('t2')).toBeUndefined();
    expect(await refresh.find('r1')).toBeDefined();
  });
});
