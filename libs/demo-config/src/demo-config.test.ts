import { describe, expect, it } from 'vitest';
import { demoClients, demoUsers, findDemoUser, mobileClient, webClient } from './demo-config.js';

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
});
