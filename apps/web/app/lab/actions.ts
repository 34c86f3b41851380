'use server';

import { config } from '../../src/config/config';
import { findAttack } from '../../src/lab/attack-table';
import { labSettings } from '../../src/lab/lab-settings';
import type { AttackReport } from '../../src/lab/lab-types';
import { runAttack } from '../../src/lab/run-attack';

export interface AttackRunState {
  readonly report: AttackReport | null;
}

/** Runs one attack on the server, against the running provider and API; answers its report. */
export async function runAttackAction(
  _previous: AttackRunState,
  form: FormData,
): Promise<AttackRunState> {
  const id = form.get('attack');
  const attack = typeof id === 'string' ? findAttack(id) : undefined;
  if (!attack) {
    return {
      report: {
        outcome: 'error',
        summary: 'No such attack.',
        steps: [],
        cleanup: [],
        durationMs: 0,
      },
    };
  }
  return { report: await runAttack(attack, labSettings(config)) };
}
