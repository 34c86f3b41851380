import { describe, expect, it } from 'vitest';
import { describeScope } from './describe-scope.js';
import { scopeCatalogue } from './scope-catalogue.js';

describe('describeScope', () => {
  it('returns the catalogue entry for a known scope', () => {
    expect(describeScope('notes:write')).toBe(scopeCatalogue['notes:write']);
    expect(describeScope('openid')?.kind).toBe('oidc');
  });

  it('returns undefined for unknown scopes, prototype member names and case variants', () => {
    for (const name of [
      'admin',
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'OPENID',
    ]) {
      expect(describeScope(name)).toBeUndefined();
    }
  });
});
