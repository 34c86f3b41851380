import { describe, expect, it } from 'vitest';
import { LabContext } from './lab-context';
import type { LabStep } from './lab-types';
import { verdict } from './verdict';
import { fakeSettings } from './testing/fake-settings';

function withSteps(steps: LabStep[]) {
  const lab = new LabContext(fakeSettings);
  for (const step of steps) lab.record(step);
  return verdict(lab, 'refused', 'accepted');
}

describe('verdict', () => {
  it('is refused only when every attack step was refused', () => {
    expect(
      withSteps([
        { title: 'c', role: 'control' },
        { title: 'a', role: 'attack', refused: true },
        { title: 'b', role: 'attack', refused: true },
      ]).outcome,
    ).toBe('refused');
  });

  it('is accepted when one attack step got through', () => {
    expect(
      withSteps([
        { title: 'a', role: 'attack', refused: true },
        { title: 'b', role: 'attack', refused: false },
      ]),
    ).toEqual({ outcome: 'accepted', summary: 'accepted' });
  });

  it('is an error when the run made no attack step at all', () => {
    expect(withSteps([{ title: 's', role: 'setup' }]).outcome).toBe('error');
  });
});
