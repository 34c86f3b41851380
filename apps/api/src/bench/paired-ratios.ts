/** Medians and spreads of the paired, per-round ratios the benchmark prints. */

/**
 * The median of `values` (0 for none).
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface RatioSummary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Median and range of the ratios, rounded to two decimals.
 *
 * @example
 * summarizeRatios([0.8, 0.9, 1]); // { median: 0.9, min: 0.8, max: 1 }
 */
export function summarizeRatios(ratios: readonly number[]): RatioSummary {
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    median: round(median(ratios)),
    min: round(Math.min(...ratios)),
    max: round(Math.max(...ratios)),
  };
}
