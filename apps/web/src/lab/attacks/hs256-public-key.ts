/**
 * RFC 8725 §2.1 and §3.1 (key confusion): a verifier that takes the algorithm from the token would
 * check an HS256 token with the provider's *public* RSA key as the HMAC secret — a key everybody
 * can download from the JWKS. The API's allowlist must refuse HS256 outright.
 */
import { createHmac, createPublicKey, randomBytes, type JsonWebKeyInput } from 'node:crypto';
import type { AttackDefinition } from '../lab-types';
import { verdict } from '../verdict';
import { accessTokenClaims, base64urlJson, callApi } from './token-attack-helpers';

interface Jwk {
  kid?: string;
  kty?: string;
  use?: string;
}

export const hs256PublicKey: AttackDefinition = {
  id: 'hs256-public-key',
  title: 'Key confusion: HS256 signed with the provider’s public key',
  threat:
    'The attacker downloads the provider’s public RSA key from its JWKS and uses it as an HMAC secret, signing the claims they want with HS256.',
  rules: [
    {
      spec: 'RFC 8725',
      section: '§2.1, §3.1',
      href: 'https://www.rfc-editor.org/rfc/rfc8725#section-2.1',
      text: 'An attacker can change the algorithm to HS256 and sign with the RSA public key as HMAC secret; libraries MUST let the caller fix the algorithms, and each key MUST be used with exactly one algorithm.',
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
    const discovery = await lab.send(
      'GET',
      `${lab.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
      { title: 'Attacker reads the provider’s discovery document (public)', role: 'setup' },
    );
    const jwksUri = String(discovery.json['jwks_uri']);
    const jwks = await lab.send('GET', jwksUri, {
      title: 'Attacker downloads the public signing keys (JWKS)',
      role: 'setup',
    });
    const keys = (jwks.json['keys'] ?? []) as Jwk[];
    const rsa = keys.find((key) => key.kty === 'RSA' && key.use !== 'enc');
    if (!rsa) throw new Error('the JWKS has no RSA signing key to confuse');
    const pem = createPublicKey({ key: rsa, format: 'jwk' } as JsonWebKeyInput)
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const header = { alg: 'HS256', typ: 'at+jwt', ...(rsa.kid ? { kid: rsa.kid } : {}) };
    const claims = accessTokenClaims(lab, `lab-forged-${randomBytes(4).toString('hex')}`);
    const input = `${base64urlJson(header)}.${base64urlJson(claims)}`;
    const signature = createHmac('sha256', pem).update(input).digest('base64url');
    await callApi(lab, `${input}.${signature}`, {
      title:
        'Attacker calls the API with an HS256 token whose HMAC key is the public RSA key (PEM)',
      role: 'attack',
    });
    return verdict(
      lab,
      'The API refused the HS256 token with 401 invalid_token: only the asymmetric algorithms it expects are allowed.',
      'The API verified an HMAC made with a public key: anyone can forge tokens.',
    );
  },
};
