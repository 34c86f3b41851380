/**
 * RFC 8725 §2.1 / §3.1: a resource server accepts only the algorithms it expects; `alg: none`
 * ("this token is not signed") must never be one of them.
 */
import { randomBytes } from 'node:crypto';
import type { AttackDefinition } from '../lab-types';
import { verdict } from '../verdict';
import { accessTokenClaims, base64urlJson, callApi } from './token-attack-helpers';

export const algNone: AttackDefinition = {
  id: 'alg-none',
  title: 'Unsigned token (alg: none)',
  threat:
    'The attacker writes the claims they want (any sub, every scope) and declares the token unsigned, hoping the API trusts the header.',
  rules: [
    {
      spec: 'RFC 8725',
      section: '§3.1',
      href: 'https://www.rfc-editor.org/rfc/rfc8725#section-3.1',
      text: 'Libraries MUST enable the caller to specify a supported set of algorithms and MUST NOT use any other algorithms when performing cryptographic operations; "none" must not be accepted unless explicitly intended.',
    },
  ],
  enforcedBy: [
    'libs/nest-bearer-auth/src/check-token-header.ts',
    'libs/nest-bearer-auth/src/verify-token-signature.ts',
  ],
  testedBy: [
    'libs/nest-bearer-auth/src/token-validation.test.ts',
    'libs/nest-bearer-auth/src/algorithm-allowlist.test.ts',
  ],
  async run(lab) {
    const header = { alg: 'none', typ: 'at+jwt' };
    const claims = accessTokenClaims(lab, `lab-forged-${randomBytes(4).toString('hex')}`);
    const token = `${base64urlJson(header)}.${base64urlJson(claims)}.`;
    await callApi(lab, token, {
      title: 'Attacker calls the API with an unsigned token',
      role: 'attack',
    });
    return verdict(
      lab,
      'The API refused the unsigned token with 401 invalid_token: none is not in its algorithm allowlist.',
      'The API accepted a token nobody signed.',
    );
  },
};
