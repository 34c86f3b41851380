/**
 * RFC 9207 §2.4 (mix-up defence): the provider names itself in every authorization response
 * (`iss`); a client that talks to several authorization servers must check that `iss` is the one
 * it sent the request to, before it sends the code to any token endpoint.
 */
import type { AttackDefinition } from '../lab-types';
import { tamperedCallbacks } from '../tampered-callbacks';
import { verdict } from '../verdict';

export const mixUp: AttackDefinition = {
  id: 'mix-up',
  title: 'Mix-up: an authorization response from another issuer',
  threat:
    'An attacker-controlled authorization server the client also trusts makes the client take a response as its own, so the client would send the honest provider’s code to the attacker’s token endpoint.',
  rules: [
    {
      spec: 'RFC 9207',
      section: '§2.4',
      href: 'https://www.rfc-editor.org/rfc/rfc9207#section-2.4',
      text: 'Clients MUST compare the iss parameter with the issuer of the authorization server the request was sent to (simple string comparison) and reject the response if they differ; if the server advertises authorization_response_iss_parameter_supported, a missing iss MUST be rejected too.',
    },
    {
      spec: 'RFC 9700',
      section: '§4.4',
      href: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.4',
      text: 'Clients that interact with more than one authorization server MUST defend against mix-up attacks, using the iss parameter (RFC 9207) or distinct redirect URIs.',
    },
  ],
  enforcedBy: [
    'libs/web-auth/src/next-auth/oidc-provider.ts',
    'apps/web/src/lab/web-client-callback.ts',
  ],
  testedBy: ['e2e/src/web/tampered-callback.spec.ts', 'e2e/src/web/lab.spec.ts'],
  async run(lab) {
    const issuer = lab.settings.issuer;
    await tamperedCallbacks(lab, {
      attacks: [
        {
          title: 'The response carries iss = https://attacker.example',
          tamper: (url) => url.searchParams.set('iss', 'https://attacker.example'),
        },
        {
          title:
            'The response has its iss stripped (the provider advertises it, so it is required)',
          tamper: (url) => url.searchParams.delete('iss'),
        },
        {
          title:
            'The response carries the issuer with its trailing slash flipped (compared exactly, not loosely)',
          tamper: (url) =>
            url.searchParams.set('iss', issuer.endsWith('/') ? issuer.slice(0, -1) : `${issuer}/`),
        },
      ],
      control: 'The genuine response (same code, iss = the provider) is accepted and redeemed',
    });
    return verdict(
      lab,
      'The web client refused every response whose iss is not exactly its provider, before the code went anywhere; the genuine one went through.',
      'The web client accepted an authorization response from another issuer.',
    );
  },
};
