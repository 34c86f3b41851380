/**
 * RFC 6749 §4.1.2 / RFC 9700 §4.5: an authorization code is single-use; when a code is presented a
 * second time the server must refuse it and SHOULD revoke every token already issued from it.
 */
import type { AttackDefinition } from '../lab-types';
import { verdict } from '../verdict';
import { isOAuthError, postToken, redeemCode, victimAuthorization } from '../victim-flow';
import { callApi } from './token-attack-helpers';

export const codeReplay: AttackDefinition = {
  id: 'code-replay',
  title: 'Authorization code replay',
  threat:
    'An attacker who captured the code (a log, a Referer header, browser history) redeems it again after the victim did.',
  rules: [
    {
      spec: 'RFC 6749',
      section: '§4.1.2',
      href: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2',
      text: 'The client MUST NOT use the authorization code more than once. If a code is used more than once, the server MUST deny the request and SHOULD revoke all tokens previously issued based on it.',
    },
  ],
  enforcedBy: ['apps/provider/src/engine/build-engine-configuration.ts'],
  testedBy: ['apps/provider/src/authorization-code.test.ts'],
  async run(lab) {
    const victim = await victimAuthorization(lab);
    const tokens = await redeemCode(lab, victim);
    await postToken(
      lab,
      {
        grant_type: 'authorization_code',
        code: victim.code,
        redirect_uri: victim.client.redirectUri,
        client_id: victim.client.clientId,
        code_verifier: victim.verifier,
      },
      {
        title: 'Attacker redeems the same code again (verifier included)',
        role: 'attack',
        refusedWhen: isOAuthError('invalid_grant'),
      },
    );
    await postToken(
      lab,
      {
        grant_type: 'refresh_token',
        refresh_token: String(tokens['refresh_token']),
        client_id: victim.client.clientId,
      },
      {
        title:
          'The refresh token of the first redemption, after the replay: revoked with the grant',
        role: 'attack',
        refusedWhen: isOAuthError('invalid_grant'),
      },
    );
    await callApi(lab, String(tokens['access_token']), {
      title: `The first redemption’s access token is a self-contained JWT: the API verifies it offline, so it keeps working until its exp (${String(tokens['expires_in'])} s) — which is why access tokens are short-lived`,
      role: 'after',
    });
    return verdict(
      lab,
      'The second redemption got invalid_grant, and the refresh token of the first one was revoked with it.',
      'The code worked twice, or the first redemption’s refresh token survived the replay.',
    );
  },
};
