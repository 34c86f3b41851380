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
 *
 * Prefetch: a scope may be opened with hints, the (model, id) pairs the request names (the
 * interaction uid of its URL, the session id of its cookie; see prefetch-hints.ts). The first read
 * the memo cannot answer fetches the pairs not yet known together with the one asked for, in one
 * statement, and records each as read (or as absent). This only moves the request's own reads
 * earlier in the same request: nothing outlives the request, and the engine still verifies and
 * checks every payload it gets (hints come from unverified input, so a forged id at most loads a
 * row the engine never asks for). A hint is fetched once; what the request wrote meanwhile is
 * never overwritten by the fetched copy.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  OidcPayloadKey,
  OidcPayloadRepository,
  OidcPayloadRow,
} from './oidc-payload-repository.js';

interface RequestScope {
  readonly memo: Map<string, OidcPayloadRow | null>;
  /** Pairs to fetch with the first read the memo cannot answer (emptied then). */
  hints: readonly OidcPayloadKey[];
}

const scope = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (one request) with its own memo, and the pairs to prefetch at its first read. */
export function runInRequestScope<T>(fn: () => T, hints: readonly OidcPayloadKey[] = []): T {
  return scope.run({ memo: new Map(), hints }, fn);
}

const keyOf = (model: string, id: string) => `${model}\u0000${id}`;
const uidKeyOf = (model: string, uid: string) => `${model}\u0000uid\u0000${uid}`;

function forgetUids(memo: Map<string, OidcPayloadRow | null>, model: string): void {
  const prefix = `${model}\u0000uid\u0000`;
  for (const key of memo.keys()) if (key.startsWith(prefix)) memo.delete(key);
}

/**
 * Fetches the scope's hints not yet in the memo, plus `wanted` when given, in one statement; each
 * is recorded unless the request wrote or read it meanwhile. False when there was nothing to fetch.
 */
async function prefetch(
  inner: OidcPayloadRepository,
  current: RequestScope,
  wanted?: OidcPayloadKey,
): Promise<boolean> {
  const { memo } = current;
  const keys = current.hints.filter((hint) => !memo.has(keyOf(hint.model, hint.id)));
  current.hints = [];
  if (keys.length === 0) return false;
  if (wanted && !keys.some((key) => key.model === wanted.model && key.id === wanted.id))
    keys.push(wanted);
  const rows = await inner.findEach(keys);
  for (const { model, id } of keys) {
    const key = keyOf(model, id);
    if (memo.has(key)) continue;
    const row = rows.find((candidate) => candidate.model === model && candidate.id === id) ?? null;
    memo.set(key, row);
    if (row?.uid && !memo.has(uidKeyOf(model, row.uid))) memo.set(uidKeyOf(model, row.uid), row);
  }
  return true;
}

export function createRequestMemoRepository(inner: OidcPayloadRepository): OidcPayloadRepository {
  return {
    ...inner,
    async find(model, id) {
      const current = scope.getStore();
      if (!current) return inner.find(model, id);
      const { memo } = current;
      const key = keyOf(model, id);
      if (memo.has(key)) return memo.get(key)!;
      if ((await prefetch(inner, current, { model, id })) && memo.has(key)) return memo.get(key)!;
      const row = await inner.find(model, id);
      memo.set(key, row);
      return row;
    },
    async findByUid(model, uid) {
      const current = scope.getStore();
      if (!current) return inner.findByUid(model, uid);
      const { memo } = current;
      const key = uidKeyOf(model, uid);
      if (memo.has(key)) return memo.get(key)!;
      // The hinted rows carry their uid: a session named by the cookie answers a read by its uid.
      if ((await prefetch(inner, current)) && memo.has(key)) return memo.get(key)!;
      const row = await inner.findByUid(model, uid);
      memo.set(key, row);
      return row;
    },
    async upsert(row) {
      await inner.upsert(row);
      const memo = scope.getStore()?.memo;
      if (!memo) return;
      const stored = { ...row, consumedAt: null };
      forgetUids(memo, row.model);
      memo.set(keyOf(row.model, row.id), stored);
      if (row.uid) memo.set(uidKeyOf(row.model, row.uid), stored);
    },
    async destroy(model, id) {
      await inner.destroy(model, id);
      const memo = scope.getStore()?.memo;
      if (!memo) return;
      forgetUids(memo, model);
      memo.set(keyOf(model, id), null);
    },
    async consume(model, id, at) {
      scope.getStore()?.memo.delete(keyOf(model, id));
      return inner.consume(model, id, at);
    },
    async revokeByGrantId(model, grantId) {
      scope.getStore()?.memo.clear();
      await inner.revokeByGrantId(model, grantId);
    },
  };
}
