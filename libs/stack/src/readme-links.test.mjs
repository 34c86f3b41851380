import { describe, expect, it } from 'vitest';
import { allDeadLinks, deadLinks } from './readme-links.mjs';
import { workspaceRoot } from './workspace-root.mjs';

describe('Markdown links', () => {
  it('reports a relative link to a missing file, and passes links to files, folders and the web', () => {
    const text = [
      '[ok](apps/api/README.md#benchmark)',
      '[folder](libs/scopes)',
      '[web](https://www.rfc-editor.org/rfc/rfc9449)',
      '[gone](apps/web/src/auth/oidc/discover-provider.ts)',
    ].join('\n');
    expect(deadLinks('README.md', text, workspaceRoot)).toEqual([
      'README.md: apps/web/src/auth/oidc/discover-provider.ts',
    ]);
    expect(deadLinks('apps/web/README.md', '[up](../../README.md)', workspaceRoot)).toEqual([]);
  });

  it('every README and doc in the workspace links only to files that exist', () => {
    expect(allDeadLinks(workspaceRoot)).toEqual([]);
  });
});
