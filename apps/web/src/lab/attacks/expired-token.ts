/**
 * RFC 7519 §4.1.4 and RFC 9068 §4: a token whose `exp` has passed is refused (a small clock-skew
 * leeway at most), and the challenge tells the client to get a new one.
 */
import { randomBytes } from 'node:crypto';
import { mintToken } from '../admin-api';
import type { AttackDefinition } from '../lab-types';
import { verdict } from '../verdict';
import { callApi } from './token-attack-helpers';

export const expiredToken: AttackDefinition = {
  id: 'expired-token',
  title: 'Expired token',
  threat:
    'An old token (from a log, a leaked backup, a device sold second-hand) is replayed after its lifetime ended.',
  rules: [
    {
      spec: 'RFC 7519',
      section: '§4.1.4',
      href: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4',
      text: 'The exp claim identifies the expiration time on or after which the JWT MUST NOT be accepted for processing.',
    },
    {
      spec: 'RFC 6750',
      section: '§3.1',
      href: 'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
      text: 'invalid_token: the access token provided is expired, revoked, malformed, or invalid for other reasons (401).',
    },
  ],
  enforcedBy: ['libs/nest-bearer-auth/src/verify-access-token.ts'],
  testedBy: [
    'libs/nest-bearer-auth/src/token-validation.test.ts',
    'e2e/src/stack/resource-server.spec.ts',
  ],
  async run(lab) {
    lab.record({
      title:
        'Setup: the provider signs a token whose exp passed an hour ago (admin API mint, the provider’s own key)',
      role: 'setup',
    });
    const token = await mintToken(lab, 'expired', {
      sub: `lab-victim-${randomBytes(4).toString('hex')}`,
      clientId: lab.settings.webClientId,
      scope: 'openid notes:read',
    });
    await callApi(lab, token, { title: 'Attacker replays the expired token', role: 'attack' });
    return verdict(
      lab,
      'The API refused the expired token with 401 invalid_token.',
      'The API accepted a token after its exp.',
    );
  },
};
