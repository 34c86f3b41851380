import { describe, expect, it } from 'vitest';
import { ATTACKS, findAttack } from './attack-table';

describe('the attack table', () => {
  it('holds at least the 12 attacks the lab promises, with unique kebab-case ids', () => {
    const ids = ATTACKS.map((attack) => attack.id);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every attack a rule with its RFC section and a link to the RFC text', () => {
    for (const attack of ATTACKS) {
      expect(attack.rules.length, attack.id).toBeGreaterThan(0);
      for (const rule of attack.rules) {
        expect(rule.spec, attack.id).toMatch(/^RFC \d+$/);
        expect(rule.section, attack.id).toMatch(/§/);
        expect(rule.href, attack.id).toMatch(
          /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+#section-/,
        );
        expect(rule.href, attack.id).toContain(rule.spec.slice(4));
      }
    }
  });

  it('finds an attack by id, and nothing for an unknown id', () => {
    expect(findAttack('alg-none')?.title).toMatch(/none/);
    expect(findAttack('rot13')).toBeUndefined();
  });
});
