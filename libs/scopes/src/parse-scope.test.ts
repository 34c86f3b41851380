import { describe, expect, it } from 'vitest';
import { parseScope } from './parse-scope.js';
describe('parseScope', () => {
  it('splits', () => expect(parseScope('a b')).toEqual(['a', 'b']));
});
