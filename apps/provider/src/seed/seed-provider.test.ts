import { describeEachDatabase } from '@oauth-ref/db/testing';
import { expect, it } from 'vitest';
import { listClients } from '../engine/client-store.js';
import { createPrismaOidcPayloadRepository } from '../persistence/prisma-oidc-payload-repository.js';
import { seedProvider } from './seed-provider.js';

describeEachDatabase('seeding the demo clients', (db) => {
  const clientsNow = async () =>
    listClients(createPrismaOidcPayloadRepository(db().prisma), [
      'oauth-ref-web',
      'oauth-ref-mobile',
    ]);

  it('registers the redirect and post-logout URIs on the default ports', async () => {
    await seedProvider(db().prisma);
    const [web, mobile] = await clientsNow();
    expect(web?.redirect_uris).toEqual(['http://localhost:3000/api/auth/callback/oauth-ref']);
    expect(mobile?.post_logout_redirect_uris).toEqual(['http://localhost:8081/']);
  });

  it('moves them when the apps moved, on the next seed (a port change needs no reset)', async () => {
    await seedProvider(db().prisma, {
      web: 'http://localhost:3100',
      mobile: 'http://localhost:8181',
    });
    const [web, mobile] = await clientsNow();
    expect(web?.redirect_uris).toEqual(['http://localhost:3100/api/auth/callback/oauth-ref']);
    expect(web?.post_logout_redirect_uris).toEqual(['http://localhost:3100/signed-out']);
    expect(mobile?.redirect_uris).toEqual([
      'http://localhost:8181/callback',
      'com.oauthreference.mobile:/oauthredirect',
    ]);
    expect(mobile?.post_logout_redirect_uris).toEqual(['http://localhost:8181/']);
  });
});
