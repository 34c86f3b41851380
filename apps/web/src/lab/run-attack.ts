/**
 * Runs one attack end to end: a fresh recorder, the attack, then its cleanup whatever happened.
 * An exception (the provider down, the admin API off, a setup step failing) is an `error` outcome
 * with its message — never a `refused`, which only a recorded refusal can produce.
 */
import { LabContext, type LabSettings } from './lab-context';
import type { AttackDefinition, AttackReport } from './lab-types';

/**
 * @example
 * const report = await runAttack(codeReplay, settings);
 * report.outcome; // 'refused'
 */
export async function runAttack(
  attack: AttackDefinition,
  settings: LabSettings,
  fetcher: typeof fetch = fetch,
): Promise<AttackReport> {
  const lab = new LabContext(settings, fetcher);
  const started = performance.now();
  let outcome: AttackReport['outcome'];
  let summary: string;
  try {
    ({ outcome, summary } = await attack.run(lab));
  } catch (error) {
    outcome = 'error';
    summary = `The run could not complete: ${error instanceof Error ? error.message : String(error)}`;
  }
  await lab.cleanUp();
  return {
    outcome,
    summary,
    steps: lab.steps,
    cleanup: lab.cleanupLog,
    durationMs: Math.round(performance.now() - started),
  };
}
