/**
 * RFC 7636 §4.6: the server recomputes the challenge from `code_verifier` and refuses the code when
 * it does not match the `code_challenge` of the authorization request.
 */
import type { AttackDefinition } from '../lab-types';
import { verdict } from '../verdict';
import { isOAuthError, pkcePair, postToken, victimAuthorization } from '../victim-flow';

export const pkceWrongVerifier: AttackDefinition = {
  id: 'pkce-wrong-verifier',
  title: 'PKCE: a stolen code with the attacker’s own verifier',
  threat:
    'An attacker who intercepted the code (a malicious app on the same redirect scheme) redeems it with a code_verifier of their own.',
  rules: [
    {
      spec: 'RFC 7636',
      section: '§4.6',
      href: 'https://www.rfc-editor.org/rfc/rfc7636#section-4.6',
      text: 'The server verifies the code_verifier by calculating the code challenge from it and comparing it with the code_challenge it stored; if they are not equal, an error response is returned.',
    },
  ],
  enforcedBy: ['apps/provider/src/engine/build-engine-configuration.ts'],
  testedBy: ['apps/provider/src/authorization-code.test.ts'],
  async run(lab) {
    const victim = await victimAuthorization(lab);
    await postToken(
      lab,
      {
        grant_type: 'authorization_code',
        code: victim.code,
        redirect_uri: victim.client.redirectUri,
        client_id: victim.client.clientId,
        code_verifier: pkcePair().verifier,
      },
      {
        title: 'Attacker redeems the stolen code with a code_verifier of their own',
        role: 'attack',
        refusedWhen: isOAuthError('invalid_grant'),
      },
    );
    return verdict(
      lab,
      'The provider refused the code: SHA-256 of the attacker’s verifier is not the victim’s code_challenge.',
      'The provider issued tokens for a verifier that does not match the challenge.',
    );
  },
};
