import { describe, expect, it } from 'vitest';
import {
  demoClients,
  demoClientsAt,
  demoUsers,
  findDemoUser,
  mobileClient,
  webClient,
} from './demo-config.js';

describe('demo config', () => {
  it('finds a demo user by username and nothing for an unknown one', () => {
    expect(findDemoUser('alice')?.sub).toBe(demoUsers[0]?.sub);
    expect(findDemoUser('mallory')).toBeUndefined();
  });

  it('gives every user a distinct subject, username and email', () => {
    for (const key of ['sub', 'username', 'email'] as const) {
      expect(new Set(demoUsers.map((u) => u[key])).size).toBe(demoUsers.length);
    }
  });

  it('gives public clients no secret and confidential ones a secret', () => {
    for (const client of demoClients) {
      if (client.tokenEndpointAuthMethod === 'none') expect(client.clientSecret).toBeUndefined();
      else expect(client.clientSecret).toMatch(/.{32,}/);
    }
  });

  it('registers only exact, absolute redirect URIs without fragments', () => {
    for (const uri of [...webClient.redirectUris, ...mobileClient.redirectUris]) {
      const parsed = new URL(uri);
      expect(parsed.hash).toBe('');
      expect(uri).not.toContain('*');
    }
  });

  it('is frozen so no app can change what the others rely on', () => {
    expect(Object.isFrozen(demoUsers)).toBe(true);
    expect(Object.isFrozen(webClient.redirectUris)).toBe(true);
  });

  it('moves the redirect and post-logout URIs with the ports the apps are served on', () => {
    const [web, mobile, machine] = demoClientsAt({
      web: 'http://localhost:3100/',
      mobile: 'http://localhost:8181',
    });
    expect(web?.redirectUris).toEqual(['http://localhost:3100/api/auth/callback/oauth-ref']);
    expect(web?.postLogoutRedirectUris).toEqual(['http://localhost:3100/signed-out']);
    expect(mobile?.redirectUris).toEqual([
      'http://localhost:8181/callback',
      'com.oauthreference.mobile:/oauthredirect',
    ]);
    expect(mobile?.postLogoutRedirectUris).toEqual(['http://localhost:8181/']);
    expect(machine?.redirectUris).toEqual([]);
  });

  it('keeps the default clients on the default ports', () => {
    expect(webClient.redirectUris).toEqual(['http://localhost:3000/api/auth/callback/oauth-ref']);
    expect(mobileClient.postLogoutRedirectUris).toEqual(['http://localhost:8081/']);
  });
});
