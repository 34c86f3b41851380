/**
 * Within one HTTP request the engine reads the same artefact several times (the interaction and
 * the session when the page loads them, again when the result is saved). This repository wrapper
 * remembers, for the duration of the request only, what it read or wrote by (model, id), so each
 * is read from the database once per request. Across requests nothing is kept: the next request
 * may reach another instance, and every request starts from the database.
 *
 * `runInRequestScope` opens the scope (engine-host.ts wraps every request in it); outside a scope
 * (sweeper, CLI) every call goes straight to the database. Writes go to the database first and
 * then update the memo (by id, and by uid for sessions); a consumption or a grant revocation forgets
 * what the memo held.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { OidcPayloadRepository, OidcPayloadRow } from './oidc-payload-repository.js';

const scope = new AsyncLocalStorage<Map<string, OidcPayloadRow | null>>();

/** Runs `fn` (one request) with its own memo. */
export function runInRequestScope<T>(fn: () => T): T {
  return scope.run(new Map(), fn);
}

const keyOf = (model: string, id: string) => `${model}\u0000${id}`;
const uidKeyOf = (model: string, uid: string) => `${model}\u0000uid\u0000${uid}`;

function forgetUids(memo: Map<string, OidcPayloadRow | null>, model: string): void {
  const prefix = `${model}\u0000uid\u0000`;
  for (const key of memo.keys()) if (key.startsWith(prefix)) memo.delete(key);
}

export function createRequestMemoRepository(inner: OidcPayloadRepository): OidcPayloadRepository {
  return {
    ...inner,
    async find(model, id) {
      const memo = scope.getStore();
      if (!memo) return inner.find(model, id);
      const key = keyOf(model, id);
      if (memo.has(key)) return memo.get(key)!;
      const row = await inner.find(model, id);
      memo.set(key, row);
      return row;
    },
    async findByUid(model, uid) {
      const memo = scope.getStore();
      if (!memo) return inner.findByUid(model, uid);
      const key = uidKeyOf(model, uid);
      if (memo.has(key)) return memo.get(key)!;
      const row = await inner.findByUid(model, uid);
      memo.set(key, row);
      return row;
    },
    async upsert(row) {
      await inner.upsert(row);
      const memo = scope.getStore();
      if (!memo) return;
      const stored = { ...row, consumedAt: null };
      forgetUids(memo, row.model);
      memo.set(keyOf(row.model, row.id), stored);
      if (row.uid) memo.set(uidKeyOf(row.model, row.uid), stored);
    },
    async destroy(model, id) {
      await inner.destroy(model, id);
      const memo = scope.getStore();
      if (!memo) return;
      forgetUids(memo, model);
      memo.set(keyOf(model, id), null);
    },
    async consume(model, id, at) {
      scope.getStore()?.delete(keyOf(model, id));
      return inner.consume(model, id, at);
    },
    async revokeByGrantId(model, grantId) {
      scope.getStore()?.clear();
      await inner.revokeByGrantId(model, grantId);
    },
  };
}
