/**
 * RFC 9068 §4 and RFC 8707 §2: the API accepts only tokens whose `aud` names it; a token issued for
 * another resource (another API of the same provider) is refused even though its signature is good.
 */
import { randomBytes } from 'node:crypto';
import { mintToken } from '../admin-api';
import type { AttackDefinition } from '../lab-types';
import { verdict } from '../verdict';
import { callApi } from './token-attack-helpers';

export const wrongAudience: AttackDefinition = {
  id: 'wrong-audience',
  title: 'A token for another audience',
  threat:
    'A token issued for another API of the same provider (another resource) is replayed to this one: same issuer, valid signature, wrong aud.',
  rules: [
    {
      spec: 'RFC 9068',
      section: '§4',
      href: 'https://www.rfc-editor.org/rfc/rfc9068#section-4',
      text: 'The resource server MUST validate that the aud claim contains a resource indicator value corresponding to an identifier it expects for itself; tokens that fail this MUST be rejected.',
    },
  ],
  enforcedBy: ['libs/nest-bearer-auth/src/verify-access-token.ts'],
  testedBy: [
    'libs/nest-bearer-auth/src/token-validation.test.ts',
    'e2e/src/stack/resource-server.spec.ts',
  ],
  async run(lab) {
    const options = {
      sub: `lab-victim-${randomBytes(4).toString('hex')}`,
      clientId: lab.settings.webClientId,
      scope: 'openid notes:read',
    };
    lab.record({
      title:
        'Setup: the provider signs two tokens with identical claims except aud (admin API mint, the provider’s own key)',
      role: 'setup',
    });
    await callApi(lab, await mintToken(lab, 'valid', options), {
      title: 'the token for this API (aud = the API) is accepted',
      role: 'control',
    });
    await callApi(lab, await mintToken(lab, 'wrong_aud', options), {
      title: 'Attacker replays a token issued for another resource',
      role: 'attack',
    });
    return verdict(
      lab,
      'The API refused the token: its aud is another resource, whatever its signature.',
      'The API accepted a token meant for another resource.',
    );
  },
};
