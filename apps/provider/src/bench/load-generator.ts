/**
 * The benchmark's load generator, in its own process (forked by bench.ts) so its CPU is never
 * counted as a server's. Each message `{ scenario, flavour, urls, seconds, concurrency }` runs that
 * many workers for that long and answers `{ count, errors, seconds, latencies, failures }`, where
 * `failures` keeps the first few distinct reasons (step, status, OAuth error; never a secret).
 */
import { exceptionReason, FailureLog, type FailureCount } from './failure-reasons.js';
import { scenarioWork, type Flavour, type Scenario } from './scenarios.js';

export interface LoadRequest {
  readonly scenario: Scenario;
  readonly flavour: Flavour;
  /** Workers are spread over these URLs in turn (several instances behind one issuer). */
  readonly urls: readonly string[];
  readonly seconds: number;
  readonly concurrency: number;
}

export interface LoadResult {
  readonly count: number;
  readonly errors: number;
  readonly seconds: number;
  readonly latencies: number[];
  /** The first distinct failure reasons with their counts, and how many failures had others. */
  readonly failures: { readonly reasons: FailureCount[]; readonly others: number };
}

async function run(request: LoadRequest): Promise<LoadResult> {
  const works = request.urls.map((url) => scenarioWork(request.scenario, request.flavour, url));
  const latencies: number[] = [];
  let errors = 0;
  const failures = new FailureLog();
  const started = performance.now();
  const deadline = started + request.seconds * 1000;
  await Promise.all(
    Array.from({ length: request.concurrency }, async (_, index) => {
      const work = works[index % works.length]!;
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const failure = await work().catch((error: unknown) => exceptionReason('request', error));
        latencies.push(performance.now() - t0);
        if (failure !== undefined) {
          errors += 1;
          failures.record(failure);
        }
      }
    }),
  );
  return {
    count: latencies.length - errors,
    errors,
    seconds: (performance.now() - started) / 1000,
    latencies,
    failures: { reasons: failures.reasons, others: failures.others },
  };
}

process.on('message', (message: LoadRequest) => {
  run(message).then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
