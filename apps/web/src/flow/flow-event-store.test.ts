// eslint-disable-next-line @nx/enforce-module-boundaries -- the app loads @oauth-ref/db at run time (not bundled, see src/db/prisma.ts); tests import it directly
import { describeEachDatabase } from '@oauth-ref/db/testing';
import { expect, it } from 'vitest';
import { describeTokenResponse } from '@oauth-ref/web-auth';
import { createFlowEventStore } from './flow-event-store';

const jwt = (claims: object) =>
  `${Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'at+jwt' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

describeEachDatabase('flow events', (database) => {
  it('hands a sign-in’s anonymous steps to its user and shows the latest sign-in with later refreshes', async () => {
    const { prisma } = database();
    const flows = createFlowEventStore(prisma);
    const user = await prisma.user.create({ data: { name: 'Alice' } });
    const old = 'signin-old';
    await flows.record({
      userId: user.id,
      flowId: old,
      step: 'token_response',
      detail: describeTokenResponse({ access_token: jwt({ n: 0 }) }),
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await flows.record({
      userId: null,
      flowId: 'signin-new',
      step: 'authorization_request',
      detail: { endpoint: 'http://op/auth', params: { code_challenge: 'x' } },
    });
    await flows.record({
      userId: null,
      flowId: 'signin-new',
      step: 'callback',
      detail: { params: { code: '[redacted]' } },
    });
    await flows.record({
      userId: null,
      flowId: 'signin-other',
      step: 'callback',
      detail: { params: {} },
    });
    await flows.claim('signin-new', user.id);
    await flows.record({
      userId: user.id,
      flowId: 'signin-new',
      step: 'token_response',
      detail: describeTokenResponse({ access_token: jwt({ n: 1 }) }),
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await flows.record({
      userId: user.id,
      flowId: 'refresh',
      step: 'refresh',
      detail: describeTokenResponse({ access_token: jwt({ n: 2 }) }),
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await flows.record({
      userId: user.id,
      flowId: 'api',
      step: 'api_call',
      detail: { method: 'GET', path: '/notes', status: 200, error: null },
    });

    const events = await flows.latestForUser(user.id);
    expect(events.map((event) => `${event.flowId}:${event.step}`)).toEqual([
      'signin-new:authorization_request',
      'signin-new:callback',
      'signin-new:token_response',
      'refresh:refresh',
      'api:api_call',
    ]);
    // What is stored is redacted: no compact JWT anywhere in the rows.
    const rows = await prisma.flowEvent.findMany();
    for (const row of rows) expect(row.detail).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });

  it('finds the session a sign-out ended by its flow id, up to the sign-out and no further', async () => {
    const { prisma } = database();
    const flows = createFlowEventStore(prisma);
    const user = await prisma.user.create({ data: { name: 'Alice' } });
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    await flows.record({
      userId: user.id,
      flowId: 'signin-1',
      step: 'token_response',
      detail: describeTokenResponse({ access_token: jwt({ n: 1 }) }),
    });
    await tick();
    const signOut = { revocation: 'revoked', endSessionEndpoint: null, params: {} } as const;
    await flows.record({
      userId: user.id,
      flowId: 'sign-out:a',
      step: 'sign_out',
      detail: signOut,
    });
    await tick();
    // the same user signs in again later (say on another device): not the ended session's
    await flows.record({
      userId: user.id,
      flowId: 'signin-2',
      step: 'token_response',
      detail: describeTokenResponse({ access_token: jwt({ n: 2 }) }),
    });

    const ended = await flows.endedSession('sign-out:a');
    expect(ended.map((event) => `${event.flowId}:${event.step}`)).toEqual([
      'signin-1:token_response',
      'sign-out:a:sign_out',
    ]);
    expect(await flows.endedSession('sign-out:unknown')).toEqual([]);
  });

  it('has nothing to show for a user who never signed in', async () => {
    const { prisma } = database();
    const user = await prisma.user.create({ data: { name: 'Nobody' } });
    expect(await createFlowEventStore(prisma).latestForUser(user.id)).toEqual([]);
  });
});
