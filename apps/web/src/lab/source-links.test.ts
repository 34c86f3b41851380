import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ATTACKS } from './attack-table';
import { findWorkspaceRoot, linkedSourcePaths, readLinkedSource, sourceHref } from './source-links';

const root = findWorkspaceRoot(dirname(fileURLToPath(import.meta.url)));

describe('the files the lab links to', () => {
  it.each(linkedSourcePaths())('%s exists in the tree and is a file', (path) => {
    expect(existsSync(join(root, path)), path).toBe(true);
    expect(statSync(join(root, path)).isFile()).toBe(true);
  });

  it('name at least one enforcing file and one test for every attack', () => {
    for (const attack of ATTACKS) {
      expect(attack.enforcedBy.length, attack.id).toBeGreaterThan(0);
      expect(
        attack.testedBy.every((path) => /\.(test|spec)\.ts$/.test(path)),
        attack.id,
      ).toBe(true);
      expect(attack.testedBy.length, attack.id).toBeGreaterThan(0);
    }
  });

  it('are served, and nothing else (no other file, no path traversal)', async () => {
    expect(await readLinkedSource('libs/nest-bearer-auth/src/verify-access-token.ts')).toContain(
      'export',
    );
    for (const path of ['package.json', 'apps/web/.env.example', '../../etc/passwd', '']) {
      expect(await readLinkedSource(path), path).toBeUndefined();
    }
    expect(sourceHref('a/b.ts')).toBe('/lab/source/a/b.ts');
  });
});
