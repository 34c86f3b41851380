/**
 * RFC 7636 §4.6 and RFC 9700 §2.1.1 (PKCE downgrade): a code issued for a request with a
 * `code_challenge` can only be redeemed with a `code_verifier`; leaving the verifier out must not
 * fall back to "no PKCE".
 */
import type { AttackDefinition } from '../lab-types';
import { verdict } from '../verdict';
import { isOAuthError, postToken, victimAuthorization } from '../victim-flow';

export const pkceMissingVerifier: AttackDefinition = {
  id: 'pkce-missing-verifier',
  title: 'PKCE downgrade: the stolen code without any verifier',
  threat:
    'The attacker does not know the verifier, so leaves code_verifier out, hoping the server treats the exchange as a client without PKCE.',
  rules: [
    {
      spec: 'RFC 9700',
      section: '§2.1.1',
      href: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1',
      text: 'Authorization servers MUST mitigate PKCE downgrade attacks by ensuring that a token request containing a code_verifier parameter is accepted only if a code_challenge parameter was present in the authorization request (and the other way round).',
    },
    {
      spec: 'RFC 7636',
      section: '§4.6',
      href: 'https://www.rfc-editor.org/rfc/rfc7636#section-4.6',
      text: 'The server verifies the code_verifier before returning the tokens.',
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
      },
      {
        title: 'Attacker redeems the stolen code with no code_verifier at all',
        role: 'attack',
        refusedWhen: isOAuthError('invalid_grant'),
      },
    );
    return verdict(
      lab,
      'The provider refused the code: it was issued with a code_challenge, so a verifier is required.',
      'The provider issued tokens without the verifier: PKCE was downgraded away.',
    );
  },
};
