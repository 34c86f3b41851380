/**
 * Within one HTTP request the engine reads the same artefact several times (the interaction and
 * the session when the page loads them, again when the result is saved). This repository wrapper
 * remembers, for the duration of the request only, what it read or wrote by (model, id), so each
 * is read from the database once per request. Across requests nothing is kept: the next request
 * may reach another instance, and every request starts from the database.
 *
 * `runInRequestScope` opens the scope (engine-host.ts wraps every request in it); outside a scope
 * (sweeper, CLI) every call goes straight to the database. Writes update the memo (by id, and by
 * uid for sessions) after reaching the database, or at once when deferred (unit of work, below); a
 * consumption or a grant revocation forgets what the memo held.
 *
 * Reads of artefacts that name a grant (a code, a token, an interaction after consent) fetch that
 * grant in the same statement, since the engine reads it next (`read`, below).
 *
 * Prefetch: a scope may be opened with hints, the (model, id) pairs the request names (the
 * interaction uid of its URL, the session id of its cookie; see prefetch-hints.ts). The first read
 * the memo cannot answer fetches the pairs not yet known together with the one asked for, in one
 * statement, and records each as read (or as absent). This only moves the request's own reads
 * earlier in the same request: nothing outlives the request, and the engine still verifies and
 * checks every payload it gets (hints come from unverified input, so a forged id at most loads a
 * row the engine never asks for). A hint is fetched once; what the request wrote meanwhile is
 * never overwritten by the fetched copy.
 *
 * Unit of work: inside `withDeferredWrites` (the outermost engine middleware, engine-host.ts), the
 * engine's upserts and destroys are recorded in the memo (so the request's own reads see them) and
 * kept as pending, the last one per (model, id) winning; they reach the database together when the
 * request's handlers are done, before the response is sent (`writeAll`: one delete and one
 * multi-row upsert). If that write fails, the error reaches Koa, which answers 500 with every
 * header (cookies included) removed: no response ever announces state that was not saved.
 *
 * Why this ordering is safe:
 * - other requests cannot depend on what this request writes before they learn of it, and they
 *   learn of it only from this response (a redirect to the interaction, the session cookie, the
 *   code in the callback), which leaves after the write; a request running concurrently could
 *   already see the state from before this request's writes when they were made mid-request;
 * - every operation whose answer depends on the stored state beyond one row read by id (consume,
 *   insert-if-absent, revocation by grant, reads by uid or user code, writes of `Client`, which
 *   also bump the shared client version) first writes what is pending, then runs immediately, as
 *   before: check-and-set steps (code and refresh-token consumption, replay detection) keep their
 *   atomicity, and see the request's earlier writes;
 * - a read by id that the memo cannot answer concerns a row with no pending write (every pending
 *   write is in the memo), so the database has its current state;
 * - writes made after the response (outside the middleware) go straight to the database.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  OidcPayloadKey,
  OidcPayloadRepository,
  OidcPayloadRow,
} from './oidc-payload-repository.js';

type PendingWrite =
  | { readonly kind: 'upsert'; readonly row: Omit<OidcPayloadRow, 'consumedAt'> }
  | { readonly kind: 'destroy'; readonly key: OidcPayloadKey };

interface RequestScope {
  readonly memo: Map<string, OidcPayloadRow | null>;
  /** Pairs to fetch with the first read the memo cannot answer (emptied then). */
  hints: readonly OidcPayloadKey[];
  /** True while the engine's writes are deferred (inside `withDeferredWrites`). */
  deferring: boolean;
  /** Deferred writes by (model, id), the last one winning; written by `flush`. */
  readonly pending: Map<string, PendingWrite>;
  /** The repository the pending writes go to (set with the first deferred write). */
  target?: OidcPayloadRepository;
  /** The last `writeAll` started, which every later step waits for (a failed one fails them). */
  written: Promise<void>;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (one request) with its own memo, and the pairs to prefetch at its first read. */
export function runInRequestScope<T>(fn: () => T, hints: readonly OidcPayloadKey[] = []): T {
  return scope.run(
    { memo: new Map(), hints, deferring: false, pending: new Map(), written: Promise.resolve() },
    fn,
  );
}

/**
 * Writes the scope's pending writes in one `writeAll`, after any earlier one, and resolves once
 * every write started so far is stored: two steps running side by side in one request both wait
 * for the writes made before them. Later writes queue for the next call.
 */
async function flush(current: RequestScope): Promise<void> {
  const { target } = current;
  if (current.pending.size > 0 && target) {
    const writes = [...current.pending.values()];
    current.pending.clear();
    const previous = current.written;
    current.written = previous.then(() =>
      target.writeAll(
        writes.flatMap((write) => (write.kind === 'upsert' ? [write.row] : [])),
        writes.flatMap((write) => (write.kind === 'destroy' ? [write.key] : [])),
      ),
    );
  }
  await current.written;
}

/**
 * Runs `next` (the rest of the request's middleware) with the engine's payload writes deferred,
 * then writes them together before the response is sent; a failed write rejects (Koa answers
 * 500). Outside a request scope, `next` runs as is.
 */
export async function withDeferredWrites(next: () => Promise<unknown>): Promise<void> {
  const current = scope.getStore();
  if (!current) {
    await next();
    return;
  }
  current.deferring = true;
  try {
    await next();
  } finally {
    current.deferring = false;
    await flush(current);
  }
}

/** Models written at once, never deferred: a `Client` write also bumps the shared version. */
const IMMEDIATE_MODELS = new Set(['Client']);

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
  await read(inner, memo, keys);
  return true;
}

/** Models whose rows may name a grant the engine reads next (see `read`). */
const NAMING_A_GRANT = new Set([
  'AuthorizationCode',
  'RefreshToken',
  'AccessToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'Interaction',
]);

/**
 * Reads `keys` in one statement and records each (as absent when it does not exist) unless the
 * request wrote or read it meanwhile. When a key's model may name a grant, the same statement
 * also returns the grants the rows name (`grantId`), recorded as read: the engine reads a code's,
 * a refresh token's or a consented interaction's grant right after the row itself.
 */
async function read(
  inner: OidcPayloadRepository,
  memo: RequestScope['memo'],
  keys: readonly OidcPayloadKey[],
): Promise<void> {
  const grants = keys.some((key) => NAMING_A_GRANT.has(key.model));
  const rows = await inner.findEach(keys, { grants });
  for (const { model, id } of keys) {
    const key = keyOf(model, id);
    if (memo.has(key)) continue;
    const row = rows.find((candidate) => candidate.model === model && candidate.id === id) ?? null;
    memo.set(key, row);
    if (row?.uid && !memo.has(uidKeyOf(model, row.uid))) memo.set(uidKeyOf(model, row.uid), row);
  }
  for (const row of rows) {
    const key = keyOf(row.model, row.id);
    if (!memo.has(key)) memo.set(key, row);
  }
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
      await read(inner, memo, [{ model, id }]);
      return memo.get(key)!;
    },
    async findByUid(model, uid) {
      const current = scope.getStore();
      if (!current) return inner.findByUid(model, uid);
      const { memo } = current;
      const key = uidKeyOf(model, uid);
      if (memo.has(key)) return memo.get(key)!;
      // The hinted rows carry their uid: a session named by the cookie answers a read by its uid.
      if ((await prefetch(inner, current)) && memo.has(key)) return memo.get(key)!;
      await flush(current);
      const row = await inner.findByUid(model, uid);
      memo.set(key, row);
      return row;
    },
    async upsert(row) {
      const current = scope.getStore();
      if (current?.deferring && !IMMEDIATE_MODELS.has(row.model)) {
        current.target = inner;
        current.pending.set(keyOf(row.model, row.id), { kind: 'upsert', row });
      } else {
        if (current) await flush(current);
        await inner.upsert(row);
      }
      const memo = current?.memo;
      if (!memo) return;
      const stored = { ...row, consumedAt: null };
      forgetUids(memo, row.model);
      memo.set(keyOf(row.model, row.id), stored);
      if (row.uid) memo.set(uidKeyOf(row.model, row.uid), stored);
    },
    async destroy(model, id) {
      const current = scope.getStore();
      if (current?.deferring && !IMMEDIATE_MODELS.has(model)) {
        current.target = inner;
        current.pending.set(keyOf(model, id), { kind: 'destroy', key: { model, id } });
      } else {
        if (current) await flush(current);
        await inner.destroy(model, id);
      }
      const memo = current?.memo;
      if (!memo) return;
      forgetUids(memo, model);
      memo.set(keyOf(model, id), null);
    },
    async consume(model, id, at) {
      const current = scope.getStore();
      if (current) await flush(current);
      current?.memo.delete(keyOf(model, id));
      return inner.consume(model, id, at);
    },
    async revokeByGrantId(model, grantId) {
      const current = scope.getStore();
      if (current) await flush(current);
      current?.memo.clear();
      await inner.revokeByGrantId(model, grantId);
    },
    async insertIfAbsent(row, now) {
      const current = scope.getStore();
      if (current) await flush(current);
      return inner.insertIfAbsent(row, now);
    },
    async findByUserCode(model, userCode) {
      const current = scope.getStore();
      if (current) await flush(current);
      return inner.findByUserCode(model, userCode);
    },
  };
}
