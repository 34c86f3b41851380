import { describe, expect, it } from 'vitest';
import {
  checkReadme,
  extractTsBlocks,
  copyableLibs,
  typecheckExamples,
} from './readme-examples.mjs';
import { workspaceRoot } from './workspace-root.mjs';

describe('README example harness', () => {
  it('extracts only ```ts blocks, with their starting line', () => {
    const blocks = extractTsBlocks('# t\n```sh\nls\n```\n```ts\nconst a = 1;\n```\n');
    expect(blocks).toEqual([{ line: 5, code: 'const a = 1;\n' }]);
  });

  it('reports an example that does not compile, and passes one that does', () => {
    const lib = copyableLibs(workspaceRoot).find((entry) => entry.name === 'scopes');
    if (!lib) throw new Error('libs/scopes not found');
    const [broken, fine] = typecheckExamples(lib.dir, [
      { line: 10, code: "import { parseScope } from '@oauth-ref/scopes';\nparseScope(42);\n" },
      {
        line: 20,
        code: "import { parseScope } from '@oauth-ref/scopes';\nparseScope('openid');\n",
      },
    ]);
    expect(broken?.messages.join('\n')).toMatch(/README\.md:12: .*number/);
    expect(fine?.messages).toEqual([]);
  });
});

describe.each(copyableLibs(workspaceRoot).map((lib) => [lib.name, lib]))(
  'libs/%s/README.md',
  (_name, lib) => {
    it('has ts examples that compile against the lib', () => {
      const results = checkReadme(lib.dir);
      expect(results.length, 'a README with at least one ```ts example').toBeGreaterThan(0);
      const failures = results.flatMap((result) => result.messages);
      expect(failures).toEqual([]);
    });
  },
);
