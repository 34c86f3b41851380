import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { generateDpopKeyPair } from '../dpop/generate-dpop-key-pair.js';
import { createFakeLabStack, type Defences } from '../testing/fake-lab-stack.js';
import {
  replayProof,
  sendAccessTokenAsBearer,
  sendAccessTokenWithoutProof,
  sendIdTokenAsAccessToken,
  sendProofFromAnotherKey,
} from './api-attacks.js';
import { labAttackCatalogue, sessionKeepingAttacks } from './lab-attack.js';
import type { LabTarget } from './lab-target.js';
import { outcomeOf, readAttackAnswer } from './read-answer.js';
import {
  replayCode,
  replayRotatedRefreshToken,
  sendCodeWithWrongVerifier,
  sendRefreshTokenWithoutKey,
} from './token-endpoint-attacks.js';

async function setUp(switchedOff: Partial<Defences> = {}) {
  const dpop = oauth.DPoP({}, await generateDpopKeyPair());
  const stack = createFakeLabStack(await dpop.calculateThumbprint(), switchedOff);
  const target: LabTarget = {
    as: stack.as,
    clientId: 'oauth-ref-mobile',
    resource: 'http://localhost:3333',
    apiUrl: 'http://localhost:3333',
    allowInsecureHttp: true,
    fetch: stack.fetch,
    dpop,
  };
  return { ...stack, target };
}

describe('attacks on the API with the session’s tokens', () => {
  it('reports the bound token sent as Bearer refused, and accepted when the API takes Bearer', async () => {
    const { target, session, requests } = await setUp();
    const result = await sendAccessTokenAsBearer(target, session);
    expect(result).toMatchObject({ id: 'access-token-as-bearer', outcome: 'refused', status: 401 });
    expect(result.error).toBe('invalid_token');
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${session.accessToken}`);
    expect(requests[0]?.headers.has('dpop')).toBe(false);
    expect(result.sent.join('\n')).not.toContain(session.accessToken);
    const weak = await setUp({ bearerRefusedForBoundTokens: true });
    expect((await sendAccessTokenAsBearer(weak.target, weak.session)).outcome).toBe('accepted');
  });

  it('sends the DPoP scheme without a proof', async () => {
    const { target, session, requests } = await setUp();
    expect((await sendAccessTokenWithoutProof(target, session)).outcome).toBe('refused');
    expect(requests[0]?.headers.get('authorization')).toBe(`DPoP ${session.accessToken}`);
    expect(requests[0]?.headers.has('dpop')).toBe(false);
    const weak = await setUp({ proofRequired: true });
    expect((await sendAccessTokenWithoutProof(weak.target, weak.session)).outcome).toBe('accepted');
  });

  it('signs a proof with another key', async () => {
    const { target, session, requests } = await setUp();
    const result = await sendProofFromAnotherKey(target, session);
    expect(result.outcome).toBe('refused');
    expect(requests[0]?.headers.get('dpop')).toMatch(/^eyJ/);
    const weak = await setUp({ proofKeyBound: true });
    expect((await sendProofFromAnotherKey(weak.target, weak.session)).outcome).toBe('accepted');
  });

  it('replays the exact proof of a call that succeeded', async () => {
    const { target, session, requests } = await setUp();
    const result = await replayProof(target, session);
    expect(result.outcome).toBe('refused');
    expect(requests).toHaveLength(2);
    expect(requests[1]?.headers.get('dpop')).toBe(requests[0]?.headers.get('dpop'));
    expect(result.sent.join('\n')).toMatch(/jti [\w-]+/);
    const weak = await setUp({ jtiSingleUse: true });
    expect((await replayProof(weak.target, weak.session)).outcome).toBe('accepted');
  });

  it('cannot replay a proof when the legitimate call fails', async () => {
    const { target, session } = await setUp();
    const result = await replayProof(target, { ...session, accessToken: 'not-the-token' });
    expect(result).toMatchObject({ outcome: 'error', status: undefined });
    expect(result.detail).toMatch(/status 401/);
  });

  it('presents the ID token as an access token', async () => {
    const { target, session } = await setUp();
    expect((await sendIdTokenAsAccessToken(target, session)).outcome).toBe('refused');
    const weak = await setUp({ accessTokenTypeChecked: true });
    expect((await sendIdTokenAsAccessToken(weak.target, weak.session)).outcome).toBe('accepted');
    const none = await sendIdTokenAsAccessToken(target, { ...session, idToken: undefined });
    expect(none).toMatchObject({ outcome: 'error', detail: 'This session has no ID token.' });
  });

  it('answers a use_dpop_nonce challenge once, as a client would', async () => {
    const { target, session } = await setUp();
    let challenged = false;
    const nonceFirst: typeof fetch = async (input, init) => {
      if (!challenged) {
        challenged = true;
        return new Response(null, {
          status: 401,
          headers: { 'www-authenticate': 'DPoP error="use_dpop_nonce"', 'dpop-nonce': 'n-1' },
        });
      }
      return target.fetch!(input, init);
    };
    const result = await replayProof({ ...target, fetch: nonceFirst }, session);
    expect(result.outcome).toBe('refused');
  });

  it('reports no answer as an error naming the cause', async () => {
    const { target, session } = await setUp();
    const down: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const result = await sendAccessTokenAsBearer({ ...target, fetch: down }, session);
    expect(result).toMatchObject({ outcome: 'error' });
    expect(result.detail).toMatch(/No answer from the server.*Failed to fetch/);
    const broken: typeof fetch = async () => {
      throw new Error('boom');
    };
    expect((await sendProofFromAnotherKey({ ...target, fetch: broken }, session)).detail).toBe(
      'boom',
    );
    const nonError: typeof fetch = async () => {
      throw 'text';
    };
    expect(
      (await sendAccessTokenWithoutProof({ ...target, fetch: nonError }, session)).detail,
    ).toBe('text');
  });
});

describe('attacks on the token endpoint', () => {
  it('uses the refresh token without the key: refused and not spent', async () => {
    const { target, refresh, requests } = await setUp();
    const result = await sendRefreshTokenWithoutKey(target, refresh.current);
    expect(result).toMatchObject({ outcome: 'refused', status: 400, error: 'invalid_grant' });
    expect(requests[0]?.headers.has('dpop')).toBe(false);
    expect(refresh.spent.size).toBe(0);
    const weak = await setUp({ refreshTokenBound: true });
    expect((await sendRefreshTokenWithoutKey(weak.target, weak.refresh.current)).outcome).toBe(
      'accepted',
    );
  });

  it('redeems the code with a made-up verifier', async () => {
    const { target, spentCode, requests } = await setUp();
    const result = await sendCodeWithWrongVerifier(target, spentCode);
    expect(result.outcome).toBe('refused');
    expect(requests[0]?.form?.get('code_verifier')).not.toBe(spentCode.codeVerifier);
    expect(requests[0]?.form?.get('resource')).toBe('http://localhost:3333');
    const weak = await setUp({ pkceChecked: true, codeSingleUse: true });
    expect((await sendCodeWithWrongVerifier(weak.target, weak.spentCode)).outcome).toBe('accepted');
  });

  it('replays the code: refused, and the first redemption’s refresh token is revoked', async () => {
    const { target, spentCode, refresh } = await setUp();
    const checkGrant = (stack: { refresh: { familyRevoked: boolean } }) => async () =>
      stack.refresh.familyRevoked ? ('revoked' as const) : ('kept' as const);
    const result = await replayCode(target, spentCode, checkGrant({ refresh }));
    expect(result.outcome).toBe('refused');
    expect(refresh.familyRevoked).toBe(true);
    expect(result.detail).toMatch(/revoked the grant/);
    const expired = await setUp();
    const kept = await replayCode(
      { ...expired.target, resource: undefined },
      { ...expired.spentCode, code: 'expired-code' },
      checkGrant(expired),
    );
    expect(kept).toMatchObject({ outcome: 'refused' });
    expect(kept.detail).toMatch(/kept the grant/);
    const noRefresh = await replayCode(target, spentCode);
    expect(noRefresh.detail).toMatch(/no refresh token/);
    const weak = await setUp({ codeSingleUse: true });
    expect((await replayCode(weak.target, weak.spentCode)).outcome).toBe('accepted');
  });

  it('replays a rotated refresh token: refused, and the whole family is revoked', async () => {
    const { target, refresh } = await setUp();
    const first = refresh.current;
    const result = await replayRotatedRefreshToken(target, first);
    expect(result).toMatchObject({ outcome: 'refused', status: 400 });
    expect(refresh.familyRevoked).toBe(true);
    expect(result.detail).toMatch(/revoked the whole family/);
    const weak = await setUp({ reuseRevokesFamily: true });
    const survived = await replayRotatedRefreshToken(weak.target, weak.refresh.current);
    expect(survived.outcome).toBe('accepted');
    expect(survived.detail).toMatch(/did not revoke the family/);
  });

  it('does not replay when the legitimate rotation fails', async () => {
    const { target } = await setUp();
    const result = await replayRotatedRefreshToken(target, 'unknown-token');
    expect(result).toMatchObject({ outcome: 'error' });
    expect(result.detail).toMatch(/status 400 invalid_grant/);
  });

  it('answers the provider’s use_dpop_nonce once', async () => {
    const { target, spentCode } = await setUp();
    let asked = false;
    const nonceFirst: typeof fetch = async (input, init) => {
      if (asked) return target.fetch!(input, init);
      asked = true;
      return Response.json(
        { error: 'use_dpop_nonce' },
        { status: 400, headers: { 'dpop-nonce': 'n' } },
      );
    };
    const result = await sendCodeWithWrongVerifier({ ...target, fetch: nonceFirst }, spentCode);
    expect(result.outcome).toBe('refused');
    const down: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const unreachable = await replayCode({ ...target, fetch: down }, spentCode);
    expect(unreachable.detail).toMatch(/No answer from the provider/);
    const broken: typeof fetch = async () => {
      throw 'text';
    };
    expect((await replayCode({ ...target, fetch: broken }, spentCode)).detail).toBe('text');
  });
});

describe('reading answers', () => {
  it('reads the error from the challenge when the body is not JSON, and classifies outcomes', async () => {
    const answer = await readAttackAnswer(
      new Response('nope', {
        status: 401,
        headers: { 'www-authenticate': 'DPoP error="invalid_dpop_proof", error_description="jti"' },
      }),
    );
    expect(answer).toMatchObject({ error: 'invalid_dpop_proof', errorDescription: 'jti' });
    expect(outcomeOf('proof-replay', answer)).toBe('refused');
    expect(outcomeOf('proof-replay', { ...answer, status: 500 })).toBe('error');
    expect(outcomeOf('proof-replay', { ...answer, error: 'use_dpop_nonce' })).toBe('error');
    expect((await readAttackAnswer(new Response('[1]', { status: 400 }))).error).toBeUndefined();
  });

  it('describes every attack with its rule; six of them keep the session', () => {
    for (const description of Object.values(labAttackCatalogue))
      expect(description.rule).toMatch(/RFC \d+ §/);
    expect(sessionKeepingAttacks).toHaveLength(6);
  });
});
