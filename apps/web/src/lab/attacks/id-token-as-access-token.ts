/**
 * RFC 9068 §2.1 / §4 and RFC 8725 §3.11: an access token for this API carries `typ: at+jwt` and
 * `aud` = the API. An ID token is for the client (aud = client_id, typ JWT); a resource server that
 * only checks the signature and issuer would take it as an access token.
 */
import type { AttackDefinition } from '../lab-types';
import { verdict } from '../verdict';
import { redeemCode, victimAuthorization } from '../victim-flow';
import { callApi } from './token-attack-helpers';

export const idTokenAsAccessToken: AttackDefinition = {
  id: 'id-token-as-access-token',
  title: 'ID token presented as an access token',
  threat:
    'ID tokens travel further than access tokens (they reach the client, its logs and sometimes the front end). The attacker sends one to the API as a bearer token.',
  rules: [
    {
      spec: 'RFC 9068',
      section: '§4',
      href: 'https://www.rfc-editor.org/rfc/rfc9068#section-4',
      text: 'Resource servers MUST verify that the typ header value is "at+jwt" (or "application/at+jwt") and reject tokens with any other type.',
    },
    {
      spec: 'RFC 8725',
      section: '§3.11',
      href: 'https://www.rfc-editor.org/rfc/rfc8725#section-3.11',
      text: 'Use explicit typing so that one kind of JWT cannot be confused for another.',
    },
  ],
  enforcedBy: [
    'libs/nest-bearer-auth/src/check-token-header.ts',
    'libs/nest-bearer-auth/src/token-profile.ts',
  ],
  testedBy: [
    'libs/nest-bearer-auth/src/check-token-header.test.ts',
    'libs/nest-bearer-auth/src/token-validation.test.ts',
  ],
  async run(lab) {
    const victim = await victimAuthorization(lab);
    const tokens = await redeemCode(lab, victim);
    await callApi(lab, String(tokens['access_token']), {
      title: 'the access token from the same response is accepted',
      role: 'control',
    });
    await callApi(lab, String(tokens['id_token']), {
      title: 'Attacker sends the victim’s ID token to the API as a bearer token',
      role: 'attack',
    });
    return verdict(
      lab,
      'The API refused the ID token (typ is not at+jwt, aud is the client): a genuine, validly signed token of the wrong kind.',
      'The API accepted an ID token as an access token.',
    );
  },
};
