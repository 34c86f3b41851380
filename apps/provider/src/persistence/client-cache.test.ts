import { describeEachDatabase } from '@oauth-ref/db/testing';
import { afterEach, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../testing/start-test-provider.js';
import { basicAuth, tokenRequest } from '../testing/oauth-flows.js';
import { TEST_ADMIN_TOKEN } from '../testing/start-test-provider.js';
import { untilRefused } from '../testing/until-refused.js';
import { createClientCachingRepository } from './client-cache.js';
import { CLIENT_VERSION, readSharedVersion } from './shared-version.js';
import { OidcAdapter } from './oidc-adapter.js';
import { createPrismaOidcPayloadRepository } from './prisma-oidc-payload-repository.js';

const CHECK_MS = 200;

describeEachDatabase('client metadata cache', (db) => {
  const opened: { stop(): void }[] = [];
  afterEach(() => opened.splice(0).forEach((repository) => repository.stop()));

  async function instance() {
    const prisma = db().prisma;
    let reads = 0;
    const inner = createPrismaOidcPayloadRepository(prisma);
    const counted = {
      ...inner,
      find: (model: string, id: string) => {
        if (model === 'Client') reads += 1;
        return inner.find(model, id);
      },
    };
    const repository = await createClientCachingRepository(counted, {
      readVersion: () => readSharedVersion(prisma, CLIENT_VERSION),
      checkIntervalMs: CHECK_MS,
      onError: () => undefined,
    });
    opened.push(repository);
    return { adapter: new OidcAdapter('Client', repository), repository, reads: () => reads };
  }

  it('reads a client once, then serves it from memory', async () => {
    const a = await instance();
    await a.adapter.upsert('cached-1', { client_id: 'cached-1', client_name: 'one' });
    expect(await a.adapter.find('cached-1')).toMatchObject({ client_name: 'one' });
    expect(await a.adapter.find('cached-1')).toMatchObject({ client_name: 'one' });
    expect(await a.adapter.find('cached-1')).toMatchObject({ client_name: 'one' });
    expect(a.reads()).toBe(1);
  });

  it('the writing instance sees its own change at once; another within one check interval', async () => {
    const a = await instance();
    const b = await instance();
    await a.adapter.upsert('cached-2', { client_id: 'cached-2', client_name: 'before' });
    await b.adapter.find('cached-2');
    await a.adapter.find('cached-2');

    await a.adapter.upsert('cached-2', { client_id: 'cached-2', client_name: 'after' });
    expect(await a.adapter.find('cached-2')).toMatchObject({ client_name: 'after' });
    // B still holds the old row until its next version check, and never longer.
    await b.repository.checkVersion();
    expect(await b.adapter.find('cached-2')).toMatchObject({ client_name: 'after' });

    await a.adapter.destroy('cached-2');
    expect(await a.adapter.find('cached-2')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, CHECK_MS * 2 + 100));
    expect(await b.adapter.find('cached-2')).toBeUndefined();
  });

  it('other models are never cached', async () => {
    const a = await instance();
    const grants = new OidcAdapter('Grant', a.repository);
    await grants.upsert('g-cache', { jti: 'g-cache', accountId: 'x' }, 60);
    expect(await grants.find('g-cache')).toBeDefined();
    await db().prisma.oidcPayload.deleteMany({ where: { model: 'Grant', id: 'g-cache' } });
    expect(await grants.find('g-cache')).toBeUndefined();
  });

  it('stops caching while the version cannot be checked', async () => {
    const prisma = db().prisma;
    let failing = false;
    const repository = await createClientCachingRepository(
      createPrismaOidcPayloadRepository(prisma),
      {
        readVersion: async () => {
          if (failing) throw new Error('database unreachable');
          return readSharedVersion(prisma, CLIENT_VERSION);
        },
        checkIntervalMs: 60_000,
        onError: () => undefined,
      },
    );
    opened.push(repository);
    const adapter = new OidcAdapter('Client', repository);
    await adapter.upsert('cached-3', { client_id: 'cached-3', client_name: 'old' });
    await adapter.find('cached-3');
    failing = true;
    await repository.checkVersion();
    // Changed behind this repository's back (another writer whose version bump is not seen).
    await prisma.oidcPayload.update({
      where: { model_id: { model: 'Client', id: 'cached-3' } },
      data: { payload: JSON.stringify({ client_id: 'cached-3', client_name: 'new' }) },
    });
    expect(await adapter.find('cached-3')).toMatchObject({ client_name: 'new' });
  });
});

describeEachDatabase('a client changed through the admin API of one instance', (db, provider) => {
  let a: TestProvider | undefined;
  let b: TestProvider | undefined;
  afterEach(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    a = b = undefined;
  });

  it('is refused by the other instance within the check interval', async () => {
    const env = { CACHE_CHECK_MS: String(CHECK_MS), LOG_LEVEL: 'warn' };
    a = await startTestProvider({ database: provider, db: db(), env });
    b = await startTestProvider({ database: provider, db: db(), env });
    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${a!.issuer}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const clientId = `cache-machine-${provider}`;
    const metadata = (secret: string) => ({
      client_id: clientId,
      client_secret: secret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
      scope: 'notes:stats',
    });
    const grant = (issuer: string, secret: string) =>
      tokenRequest(
        issuer,
        { grant_type: 'client_credentials', scope: 'notes:stats' },
        basicAuth(clientId, secret),
      );
    const oldSecret = 'first-secret-0123456789abcdef0123456789';
    const newSecret = 'second-secret-0123456789abcdef012345678';
    expect((await admin('POST', '/admin/clients', metadata(oldSecret))).status).toBe(201);
    // Both instances now hold the client in their caches.
    expect((await grant(a.issuer, oldSecret)).status).toBe(200);
    expect((await grant(b.issuer, oldSecret)).status).toBe(200);

    expect((await admin('POST', '/admin/clients', metadata(newSecret))).status).toBe(201);
    const changedAt = performance.now();
    expect((await grant(a.issuer, oldSecret)).status).toBe(401);
    const other = b.issuer;
    const seen = await untilRefused(async () => (await grant(other, oldSecret)).status === 401);
    expect(seen.refused).toBe(true);
    // B accepted the old secret only in requests that started within one interval of the change.
    expect(seen.lastAcceptedStart - changedAt).toBeLessThan(CHECK_MS);
    expect((await grant(b.issuer, newSecret)).status).toBe(200);

    expect((await admin('DELETE', `/admin/clients/${clientId}`)).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, CHECK_MS + 300));
    expect((await grant(b.issuer, newSecret)).status).toBe(401);
  }, 60_000);
});
