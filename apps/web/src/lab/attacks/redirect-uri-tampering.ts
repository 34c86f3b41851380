/**
 * RFC 9700 §4.1 and §2.1: redirect URIs are compared by exact string match with the registered
 * ones; an unregistered redirect_uri must not be redirected to (the error is shown to the user,
 * RFC 6749 §4.1.2.1), or the code would go to the attacker.
 */
import type { AttackDefinition } from '../lab-types';
import type { SentExchange } from '../lab-context';
import { buildAuthorizationUrl } from '../provider-session';
import { createThrowawayPublicClient } from '../throwaway';
import { verdict } from '../verdict';
import { pkcePair } from '../victim-flow';

/** Refused: an error answered by the provider itself, no redirect to the tampered URI. */
function notRedirectedTo(tampered: string) {
  return (exchange: SentExchange): boolean => {
    const location = exchange.headers.get('location');
    return exchange.status === 400 && (location === null || !location.startsWith(tampered));
  };
}

export const redirectUriTampering: AttackDefinition = {
  id: 'redirect-uri-tampering',
  title: 'Redirect URI tampering',
  threat:
    'The attacker sends the victim a link to the real provider with the victim app’s client_id but a redirect_uri of their own, so the code would land with them.',
  rules: [
    {
      spec: 'RFC 9700',
      section: '§4.1.3',
      href: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.1.3',
      text: 'Authorization servers MUST compare client redirect URIs with pre-registered URIs using exact string matching (except the port of localhost loopback URIs for native apps).',
    },
    {
      spec: 'RFC 6749',
      section: '§4.1.2.1',
      href: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1',
      text: 'If the redirection URI is missing, invalid or mismatching, the server SHOULD inform the resource owner and MUST NOT automatically redirect the user-agent to it.',
    },
  ],
  enforcedBy: ['apps/provider/src/engine/build-engine-configuration.ts'],
  testedBy: ['apps/provider/src/authorization-code.test.ts'],
  async run(lab) {
    const client = await createThrowawayPublicClient(lab);
    const { challenge } = pkcePair();
    const attempts = [
      ['an attacker’s site', 'https://attacker.example/steal'],
      ['the registered URI with a trailing path', `${client.redirectUri}/../../steal`],
      ['the registered URI with a trailing slash', `${client.redirectUri}/`],
    ] as const;
    for (const [what, redirectUri] of attempts) {
      const url = buildAuthorizationUrl(lab.settings.issuer, {
        clientId: client.clientId,
        redirectUri,
        scope: 'openid',
        state: 'attacker-state',
        nonce: 'attacker-nonce',
        codeChallenge: challenge,
      });
      await lab.send('GET', url, {
        title: `Authorization request with redirect_uri = ${what}`,
        role: 'attack',
        refusedWhen: notRedirectedTo(redirectUri),
      });
    }
    return verdict(
      lab,
      'Each tampered redirect_uri got an error page from the provider itself — no redirect, so no code left it.',
      'The provider redirected to a redirect_uri that was not registered.',
    );
  },
};
