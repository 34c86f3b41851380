import { describe, expect, it } from 'vitest';
import { countTestsInLine } from './count-tests.mjs';

const zero = () => ({ passed: 0, failed: 0, skipped: 0 });

describe('countTestsInLine', () => {
  it('reads a Vitest closing line with failures and skips, behind an Nx prefix and colours', () => {
    const line = 'web-auth: \u001b[2m      Tests \u001b[22m 1 failed | 21 passed | 2 skipped (24)';
    expect(countTestsInLine(line, zero())).toEqual({ passed: 21, failed: 1, skipped: 2 });
  });

  it('reads a Playwright closing line, counting flaky as passed', () => {
    const counts = zero();
    countTestsInLine('e2e: \u001b[32m  12 passed\u001b[39m\u001b[2m (31.2s)\u001b[22m', counts);
    countTestsInLine('  1 flaky', counts);
    countTestsInLine('  3 skipped', counts);
    expect(counts).toEqual({ passed: 13, failed: 0, skipped: 3 });
  });

  it('ignores lines that only mention numbers', () => {
    expect(countTestsInLine('Test Files  3 passed (3)', zero())).toEqual(zero());
    expect(countTestsInLine('fetched 12 passed keys', zero())).toEqual(zero());
  });
});
