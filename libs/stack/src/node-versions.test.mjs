// The Node.js versions we claim to support are the ones every installed package accepts (no
// EBADENGINE warning on `npm ci`), .nvmrc names one of them, and CI runs the lowest and .nvmrc's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from './workspace-root.mjs';

const read = (/** @type {string} */ path) => readFileSync(join(workspaceRoot, path), 'utf8');
const rootPackage = JSON.parse(read('package.json'));
const lock = JSON.parse(read('package-lock.json'));

/** @param {string} version */
const parts = (version) => {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  return [major, minor, patch];
};
/**
 * @param {number[]} a
 * @param {number[]} b
 */
const compare = (a, b) =>
  ((a[0] ?? 0) - (b[0] ?? 0)) * 1e6 +
  ((a[1] ?? 0) - (b[1] ?? 0)) * 1e3 +
  ((a[2] ?? 0) - (b[2] ?? 0));

/**
 * npm's engines ranges as they occur here: `a || b`, each a space-separated list of `^x.y.z`,
 * `~x.y.z`, `>=x`, `>x`, `<x`, `<=x`, `*`, or a bare `x`/`x.y`/`x.*` (that major/minor).
 *
 * @param {string} version
 * @param {string} range
 */
function satisfies(version, range) {
  const v = parts(version);
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|\^)\s+/g, '$1')
      .split(/\s+/)
      .every((comparator) => {
        if (comparator === '*' || comparator === '') return true;
        const match = /^(>=|<=|>|<|\^|~)?v?(\d+(?:\.\d+){0,2})(?:\.[x*])*$/.exec(comparator);
        if (!match) throw new Error(`unsupported range "${range}"`);
        const [, op, raw = ''] = match;
        const bound = parts(raw);
        const c = compare(v, bound);
        if (op === '>=') return c >= 0;
        if (op === '>') return c > 0;
        if (op === '<') return c < 0;
        if (op === '<=') return c <= 0;
        if (op === '^') return c >= 0 && v[0] === bound[0];
        if (op === '~') return c >= 0 && v[0] === bound[0] && v[1] === bound[1];
        const depth = raw.split('.').length;
        return v.slice(0, depth).every((n, i) => n === bound[i]);
      }),
  );
}

const lowest = ['22.13.0', '24.3.0'];

describe('supported Node.js versions', () => {
  it('engines starts each supported line at a version every dependency accepts', () => {
    expect(rootPackage.engines.node).toBe('^22.13.0 || >=24.3.0');
    for (const version of lowest) expect(satisfies(version, rootPackage.engines.node)).toBe(true);
    expect(satisfies('22.12.0', rootPackage.engines.node)).toBe(false);
    expect(satisfies('20.19.0', rootPackage.engines.node)).toBe(false);
  });

  it('no installed package warns on the lowest supported versions (EBADENGINE)', () => {
    /** @type {string[]} */
    const refusing = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = entry.engines?.node;
      // Optional binaries for other platforms are never installed on Linux x64.
      if (!path || !range || (entry.optional && (entry.os || entry.cpu))) continue;
      for (const version of lowest)
        if (!satisfies(version, range)) refusing.push(`${path} (${range}) refuses ${version}`);
    }
    expect(refusing).toEqual([]);
  });

  it('.nvmrc names 24, and CI runs 24 and the lowest supported 22', () => {
    expect(read('.nvmrc').trim()).toBe('24');
    const ci = read('.ci/run');
    const versions = /CI_NODE_VERSIONS:-([\d. ]+)\}/.exec(ci)?.[1]?.trim().split(' ') ?? [];
    expect(versions).toEqual(['24.22.3', '22.13.0']);
    for (const version of versions) expect(satisfies(version, rootPackage.engines.node)).toBe(true);
  });

  it('reads npm ranges the way npm does', () => {
    expect(satisfies('22.13.0', '^20.19.4 || ^22.13.0 || ^24.3.0 || >= 25.0.0')).toBe(true);
    expect(satisfies('22.12.0', '^20.19.4 || ^22.13.0 || ^24.3.0 || >= 25.0.0')).toBe(false);
    expect(satisfies('24.1.0', '18 || 20 || >=22')).toBe(true);
    expect(satisfies('21.0.0', '18 || 20 || >=22')).toBe(false);
    expect(satisfies('24.0.0', '^20.19 || ^22.12 || >=24.0')).toBe(true);
  });
});
