import { describe, expect, it } from 'vitest';
import { splitAuthChallenges } from './split-auth-challenges.js';

describe('splitAuthChallenges (RFC 9110 §11.6.1)', () => {
  it('splits several challenges, keeping schemes as sent and lower-casing parameter names', () => {
    const challenges = splitAuthChallenges(
      'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"',
    );
    expect(challenges.map((challenge) => challenge.scheme)).toEqual(['Newauth', 'Basic']);
    expect(Object.fromEntries(challenges[0]?.params ?? [])).toEqual({
      realm: 'apps',
      type: '1',
      title: 'Login to "apps"',
    });
  });

  it('recognises a token68 challenge and does not take the next challenge as its parameter', () => {
    const challenges = splitAuthChallenges(
      'Negotiate a87421000492aa874209af8bc028==, Bearer realm="x"',
    );
    expect(challenges[0]).toMatchObject({
      scheme: 'Negotiate',
      token68: 'a87421000492aa874209af8bc028==',
    });
    expect(challenges[1]).toMatchObject({ scheme: 'Bearer' });
  });

  it('gives nothing for an empty or all-comma header', () => {
    expect(splitAuthChallenges('')).toEqual([]);
    expect(splitAuthChallenges(' , ,')).toEqual([]);
  });

  it('refuses a token68 followed by a parameter', () => {
    expect(() => splitAuthChallenges('Negotiate abc==, realm="x"')).toThrow(/RFC 9110/);
  });
});
