/**
 * The outcome of a run, read from its attack steps: `refused` only when there was at least one
 * attack step and every one was refused; a single accepted step makes the whole attack `accepted`.
 */
import type { LabContext } from './lab-context';
import type { AttackVerdict } from './lab-types';

/**
 * @example
 * return verdict(lab, 'The replayed code was refused.', 'The provider redeemed the code twice.');
 */
export function verdict(lab: LabContext, ifRefused: string, ifAccepted: string): AttackVerdict {
  const attacks = lab.steps.filter((step) => step.role === 'attack');
  if (attacks.length === 0)
    return { outcome: 'error', summary: 'the run made no attack step (a bug in the lab)' };
  if (attacks.some((step) => step.refused !== true))
    return { outcome: 'accepted', summary: ifAccepted };
  return { outcome: 'refused', summary: ifRefused };
}
