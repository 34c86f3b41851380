/**
 * RFC 9700 §4.14.2 and OAuth 2.1 §4.3.1: a public client's refresh token is rotated on every use;
 * when an already-used one comes back, one of the two parties is an attacker, so the server
 * revokes the whole family — the attacker's copy and the legitimate new token alike.
 */
import type { AttackDefinition } from '../lab-types';
import { verdict } from '../verdict';
import { isOAuthError, postToken, redeemCode, victimAuthorization } from '../victim-flow';

export const refreshReplay: AttackDefinition = {
  id: 'refresh-replay',
  title: 'Refresh token replay after rotation',
  threat:
    'The attacker stole a refresh token; the victim’s app has since used it (and got a new one). The attacker now uses the old copy.',
  rules: [
    {
      spec: 'RFC 9700',
      section: '§4.14.2',
      href: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2',
      text: 'With refresh token rotation, if a refresh token is compromised and used by both the attacker and the legitimate client, one of them presents an invalidated token, which informs the authorization server of the breach; it revokes the active refresh token.',
    },
  ],
  enforcedBy: ['apps/provider/src/engine/build-engine-configuration.ts'],
  testedBy: ['apps/provider/src/refresh-and-machine.test.ts'],
  async run(lab) {
    const victim = await victimAuthorization(lab);
    const tokens = await redeemCode(lab, victim);
    const stolen = String(tokens['refresh_token']);
    const rotated = await postToken(
      lab,
      { grant_type: 'refresh_token', refresh_token: stolen, client_id: victim.client.clientId },
      {
        title: 'The victim app refreshes: the provider rotates the refresh token',
        role: 'control',
      },
    );
    const current = rotated.json['refresh_token'];
    if (typeof current !== 'string' || current === stolen)
      throw new Error('the legitimate refresh did not rotate the refresh token');
    await postToken(
      lab,
      { grant_type: 'refresh_token', refresh_token: stolen, client_id: victim.client.clientId },
      {
        title: 'Attacker uses the stolen (already rotated) refresh token',
        role: 'attack',
        refusedWhen: isOAuthError('invalid_grant'),
      },
    );
    await postToken(
      lab,
      { grant_type: 'refresh_token', refresh_token: current, client_id: victim.client.clientId },
      {
        title: 'The newest refresh token, after the replay: the whole family is revoked',
        role: 'attack',
        refusedWhen: isOAuthError('invalid_grant'),
      },
    );
    return verdict(
      lab,
      'The replayed refresh token got invalid_grant and the provider revoked the family: the newest token is dead too.',
      'A rotated refresh token worked again, or the family survived its replay.',
    );
  },
};
