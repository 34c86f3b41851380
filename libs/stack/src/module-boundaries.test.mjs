// The documented check that lint fails when a lib imports an app (or a util lib imports a
// feature lib): each case lints a probe file placed, in memory, inside a real project.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from './workspace-root.mjs';

const eslint = new ESLint({ cwd: workspaceRoot });

/**
 * @param {string} filePath
 * @param {string} code
 */
async function boundaryErrors(filePath, code) {
  const [result] = await eslint.lintText(code, { filePath: `${workspaceRoot}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@nx/enforce-module-boundaries');
}

describe('module boundaries (lint)', () => {
  it('fails when a lib imports an app by its package name', async () => {
    // (probed from a lib no app depends on, so the finding is not a circular dependency)
    const errors = await boundaryErrors(
      'libs/stack/src/probe.ts',
      "import { something } from '@oauth-ref/provider';\nexport const probe = something;\n",
    );
    expect(errors.map((e) => e.message).join('\n')).toMatch(/apps are forbidden/);
  });

  it('fails when a lib reaches into an app by a relative path', async () => {
    const errors = await boundaryErrors(
      'libs/scopes/src/probe.ts',
      "import { something } from '../../../apps/api/src/main.js';\nexport const probe = something;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('fails when a util lib imports a data lib', async () => {
    const errors = await boundaryErrors(
      'libs/scopes/src/probe.ts',
      "import { createPrismaClient } from '@oauth-ref/db';\nexport const probe = createPrismaClient;\n",
    );
    expect(errors.map((e) => e.message).join('\n')).toMatch(/type:util/);
  });

  it('fails when one app imports another app', async () => {
    const errors = await boundaryErrors(
      'apps/api/src/probe.ts',
      "import { x } from '@oauth-ref/provider';\nexport const probe = x;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('lets an app import a shared util lib', async () => {
    const errors = await boundaryErrors(
      'apps/api/src/probe.ts',
      "import { parseScope } from '@oauth-ref/scopes';\nexport const probe = parseScope;\n",
    );
    expect(errors).toEqual([]);
  });
});
