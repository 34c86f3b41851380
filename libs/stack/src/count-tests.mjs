// Reads the closing lines of Vitest and Playwright runs, so `npm test` can end with one total.

/** @typedef {{ passed: number, failed: number, skipped: number }} TestCounts */

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g;

/**
 * Adds the counts found on one output line to `counts`.
 * Vitest: `Tests  1 failed | 21 passed | 2 skipped (24)`; Playwright: `  12 passed (31.2s)`.
 *
 * @param {string} rawLine
 * @param {TestCounts} counts
 * @returns {TestCounts}
 * @example
 * countTestsInLine('      Tests  3 failed | 40 passed (43)', { passed: 0, failed: 0, skipped: 0 });
 * // { passed: 40, failed: 3, skipped: 0 }
 */
export function countTestsInLine(rawLine, counts) {
  const line = rawLine
    .replace(ansi, '')
    .replace(/^[^│]*│\s?/, '')
    .replace(/^[\w@./-]+: /, '');
  const vitest = /^\s*Tests\s+((?:\d+ (?:passed|failed|skipped|todo)(?: \| )?)+)\s*\(\d+\)/.exec(
    line,
  );
  const playwright = /^\s+(\d+) (passed|failed|skipped|flaky|did not run)\b/.exec(line);
  if (vitest?.[1]) {
    for (const [, n, kind] of vitest[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g))
      add(counts, kind ?? '', Number(n));
  } else if (playwright) {
    add(counts, playwright[2] ?? '', Number(playwright[1]));
  }
  return counts;
}

/**
 * @param {TestCounts} counts
 * @param {string} kind
 * @param {number} n
 */
function add(counts, kind, n) {
  if (kind === 'passed' || kind === 'flaky') counts.passed += n;
  else if (kind === 'failed') counts.failed += n;
  else counts.skipped += n;
}
