/**
 * What the page shows of an attack before (and besides) running it: the serialisable part of its
 * definition, handed to the client component.
 */
import type { AttackDefinition, AttackRule } from './lab-types';

export interface AttackInfo {
  readonly id: string;
  readonly title: string;
  readonly threat: string;
  readonly rules: readonly AttackRule[];
  readonly enforcedBy: readonly string[];
  readonly testedBy: readonly string[];
}

export function attackInfo(attack: AttackDefinition): AttackInfo {
  const { id, title, threat, rules, enforcedBy, testedBy } = attack;
  return { id, title, threat, rules, enforcedBy, testedBy };
}
