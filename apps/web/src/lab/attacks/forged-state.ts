/**
 * RFC 6749 §10.12 and RFC 9700 §4.7.1 (CSRF on the redirect URI): the client binds each
 * authorization request to the browser with `state` and refuses a callback whose `state` is not the
 * one it sent — so an attacker cannot make the victim's browser finish the attacker's sign-in
 * (login CSRF) or inject a code.
 */
import type { AttackDefinition } from '../lab-types';
import { tamperedCallbacks } from '../tampered-callbacks';
import { verdict } from '../verdict';

export const forgedState: AttackDefinition = {
  id: 'forged-state',
  title: 'Forged state (CSRF on the callback)',
  threat:
    'The attacker gets a real code for an account of theirs and makes the victim’s browser deliver it to the web app’s callback with a state of the attacker’s choosing — or none — to sign the victim into the attacker’s account.',
  rules: [
    {
      spec: 'RFC 6749',
      section: '§10.12',
      href: 'https://www.rfc-editor.org/rfc/rfc6749#section-10.12',
      text: 'The client MUST implement CSRF protection for its redirection URI, typically with a state value bound to the user-agent, and check it on every authorization response.',
    },
    {
      spec: 'RFC 9700',
      section: '§4.7.1',
      href: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.7.1',
      text: 'Clients that do not rely on PKCE for CSRF protection MUST use one-time state values bound to the user agent.',
    },
  ],
  enforcedBy: [
    'libs/web-auth/src/next-auth/oidc-provider.ts',
    'apps/web/src/lab/web-client-callback.ts',
  ],
  testedBy: ['e2e/src/web/tampered-callback.spec.ts', 'e2e/src/web/lab.spec.ts'],
  async run(lab) {
    await tamperedCallbacks(lab, {
      attacks: [
        {
          title: 'The callback arrives with a state the web app never sent',
          tamper: (url) => url.searchParams.set('state', 'attacker-chosen-state'),
        },
        {
          title: 'The callback arrives with no state at all',
          tamper: (url) => url.searchParams.delete('state'),
        },
      ],
      control: 'the genuine response (same code) passes the same check and is redeemed',
    });
    return verdict(
      lab,
      'The web client refused both forged callbacks before sending the code anywhere; the same code with the genuine state went through.',
      'The web client accepted a callback whose state it never sent.',
    );
  },
};
