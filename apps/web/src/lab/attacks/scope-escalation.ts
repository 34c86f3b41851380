/**
 * RFC 6749 §6: a refresh request may ask for the same scope or less, never for a scope the
 * resource owner did not grant; the server answers `invalid_scope`.
 */
import type { AttackDefinition } from '../lab-types';
import { verdict } from '../verdict';
import { isOAuthError, postToken, redeemCode, victimAuthorization } from '../victim-flow';

export const scopeEscalation: AttackDefinition = {
  id: 'scope-escalation',
  title: 'Scope escalation at refresh',
  threat:
    'The victim granted read access only. With the refresh token, the attacker asks for notes:write as well.',
  rules: [
    {
      spec: 'RFC 6749',
      section: '§6',
      href: 'https://www.rfc-editor.org/rfc/rfc6749#section-6',
      text: 'The requested scope MUST NOT include any scope not originally granted by the resource owner, and if omitted is treated as equal to the scope originally granted.',
    },
  ],
  enforcedBy: ['apps/provider/src/engine/build-engine-configuration.ts'],
  testedBy: ['apps/provider/src/refresh-and-machine.test.ts'],
  async run(lab) {
    const victim = await victimAuthorization(lab, 'openid offline_access notes:read');
    const tokens = await redeemCode(
      lab,
      victim,
      'The victim app redeems its code: the user granted openid offline_access notes:read',
    );
    await postToken(
      lab,
      {
        grant_type: 'refresh_token',
        refresh_token: String(tokens['refresh_token']),
        client_id: victim.client.clientId,
        scope: 'openid offline_access notes:read notes:write',
      },
      {
        title: 'Attacker refreshes asking for notes:write, which was never granted',
        role: 'attack',
        refusedWhen: isOAuthError('invalid_scope'),
      },
    );
    return verdict(
      lab,
      'The provider answered invalid_scope: a refresh cannot widen the grant.',
      'The provider issued a token with a scope the user never granted.',
    );
  },
};
