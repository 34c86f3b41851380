/**
 * The one Vitest preset every project's `vitest.config.ts` extends, so the projects cannot drift:
 *
 * - Workspace libs are consumed from their TypeScript source (the `@oauth-ref/source` export
 *   condition), in the client AND the SSR environment (Vite applies top-level
 *   `resolve.conditions` to the client only; tests run in SSR). `npx nx test <project>` therefore
 *   passes with nothing built.
 * - Coverage is measured (v8) by every `npx nx test <project>`, on the project's sources only:
 *   test files, `testing/` helpers, barrels (`index.*`) and generated code are not counted. Each project states its
 *   thresholds: a little under what it measures, so a change that drops coverage fails.
 */
import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

type Thresholds = { lines: number; functions: number; statements: number; branches: number };

export interface ProjectTestOptions {
  /** Test files (default: `src/**\/*.test.ts`). */
  readonly include?: string[];
  /** Sources measured (default: `src/**\/*.ts`). */
  readonly coverageInclude?: string[];
  /** More sources not measured (entry points, benches, CLIs) on top of the shared exclusions. */
  readonly coverageExclude?: string[];
  readonly thresholds: Thresholds;
  /** Resolve conditions after `@oauth-ref/source` (default: none; Vite adds import/require/default). */
  readonly conditions?: string[];
  /** Any other Vitest/Vite setting, merged last (timeouts, environment, fileParallelism…). */
  readonly overrides?: ViteUserConfig;
}

/** Never counted as a project's source. */
export const SHARED_COVERAGE_EXCLUDE = [
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/*.test.mjs',
  '**/*.test-helper.ts',
  '**/testing/**',
  '**/index.ts',
  '**/index.mjs',
  '**/generated/**',
];

/**
 * A project's Vitest config on the shared preset.
 *
 * @example
 * // libs/scopes/vitest.config.ts
 * export default projectTestConfig({
 *   thresholds: { lines: 100, functions: 100, statements: 100, branches: 100 },
 * });
 */
export function projectTestConfig(options: ProjectTestOptions): ViteUserConfig {
  const conditions = ['@oauth-ref/source', ...(options.conditions ?? [])];
  const base = defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['@oauth-ref/source'] } },
    test: {
      include: options.include ?? ['src/**/*.test.ts'],
      environment: 'node',
      // Measured by every project's `test` script (`vitest run --coverage`, what `nx test` runs);
      // a single file run (`npx vitest run src/x.test.ts`) skips it and its thresholds.
      coverage: {
        provider: 'v8',
        include: options.coverageInclude ?? ['src/**/*.ts'],
        exclude: [...SHARED_COVERAGE_EXCLUDE, ...(options.coverageExclude ?? [])],
        reporter: ['text-summary', 'json-summary'],
        reportOnFailure: true,
        thresholds: options.thresholds,
      },
    },
  });
  return mergeConfig(base, options.overrides ?? {});
}
