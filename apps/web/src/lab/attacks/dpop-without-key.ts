/**
 * RFC 9449 §7.1 and §4.3: a DPoP-bound access token (`cnf.jkt`) is accepted only with a fresh
 * proof signed by the key it is bound to. Sent as a plain bearer token, or with a proof made by
 * another key, it is refused — a stolen token is useless without the private key.
 */
import { createHash, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { SentExchange } from '../lab-context';
import type { AttackDefinition } from '../lab-types';
import { createThrowawayMachine } from '../throwaway';
import { verdict } from '../verdict';
import { postToken } from '../victim-flow';
import { callApi } from './token-attack-helpers';

interface DpopKey {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

async function createKey(): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  return { privateKey, publicJwk: await exportJWK(publicKey) };
}

function proof(key: DpopKey, method: string, url: string, accessToken?: string): Promise<string> {
  return new SignJWT({
    htm: method,
    htu: url,
    jti: randomUUID(),
    ...(accessToken ? { ath: createHash('sha256').update(accessToken).digest('base64url') } : {}),
  })
    .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: key.publicJwk })
    .setIssuedAt()
    .sign(key.privateKey);
}

function refusedAs401(exchange: SentExchange): boolean {
  return exchange.status === 401;
}

export const dpopWithoutKey: AttackDefinition = {
  id: 'dpop-without-key',
  title: 'A DPoP-bound token replayed without its key',
  threat:
    'The attacker copied a DPoP-bound access token (from a log or a proxy) but not the private key it is bound to. They send it as a bearer token, then with a proof signed by a key of their own.',
  rules: [
    {
      spec: 'RFC 9449',
      section: '§7.1',
      href: 'https://www.rfc-editor.org/rfc/rfc9449#section-7.1',
      text: 'A resource server receiving a DPoP-bound access token MUST check that a valid DPoP proof is present and that the public key in it matches the token’s cnf.jkt confirmation.',
    },
    {
      spec: 'RFC 9449',
      section: '§7.2',
      href: 'https://www.rfc-editor.org/rfc/rfc9449#section-7.2',
      text: 'A protected resource must not accept a DPoP-bound access token under the Bearer scheme.',
    },
  ],
  enforcedBy: [
    'libs/nest-bearer-auth/src/check-sender-constraint.ts',
    'libs/nest-bearer-auth/src/dpop/check-dpop-token-binding.ts',
  ],
  testedBy: [
    'libs/nest-bearer-auth/src/dpop-sender-constraint.test.ts',
    'e2e/src/stack/resource-server.spec.ts',
  ],
  async run(lab) {
    const machine = await createThrowawayMachine(lab);
    const holder = await createKey();
    const tokenUrl = `${lab.settings.issuer.replace(/\/$/, '')}/token`;
    const granted = await postToken(
      lab,
      { grant_type: 'client_credentials', scope: 'notes:stats', resource: lab.settings.resource },
      {
        title: 'The victim machine gets a token bound to its DPoP key (client credentials + proof)',
        role: 'control',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(machine.clientId)}:${encodeURIComponent(machine.clientSecret)}`).toString('base64')}`,
        dpop: await proof(holder, 'POST', tokenUrl),
      },
    );
    const token = granted.json['access_token'];
    if (typeof token !== 'string' || granted.json['token_type'] !== 'DPoP')
      throw new Error('the provider did not issue a DPoP-bound token');
    const statsUrl = `${lab.settings.apiUrl}/stats`;
    await callApi(lab, token, {
      title: 'the key holder calls the API with a fresh proof',
      role: 'control',
      path: '/stats',
      scheme: 'DPoP',
      dpop: await proof(holder, 'GET', statsUrl, token),
    });
    await callApi(lab, token, {
      title: 'Attacker sends the copied token as a plain bearer token',
      role: 'attack',
      path: '/stats',
      refusedWhen: refusedAs401,
    });
    const thief = await createKey();
    await callApi(lab, token, {
      title: 'Attacker sends it as DPoP with a fresh proof signed by the attacker’s own key',
      role: 'attack',
      path: '/stats',
      scheme: 'DPoP',
      dpop: await proof(thief, 'GET', statsUrl, token),
      refusedWhen: refusedAs401,
    });
    return verdict(
      lab,
      'Both replays got 401: as Bearer the bound token is refused outright, and a proof by another key does not match cnf.jkt.',
      'The API accepted a DPoP-bound token without a proof by its key.',
    );
  },
};
