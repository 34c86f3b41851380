/**
 * The team rule "TSDoc with an @example on every export", as one check the libs share: every name
 * a lib's `index.ts` re-exports must be declared under a doc comment that holds an `@example`.
 * A lib's `src/public-api-docs.test.ts` calls it with its own `index.ts`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** One name `index.ts` re-exports, and the source file (relative to `index.ts`) declaring it. */
export interface PublicExport {
  readonly name: string;
  readonly file: string;
}

const read = (file: string, index: URL) => readFileSync(new URL(file, index), 'utf8');

/**
 * The names `index` re-exports (`export { a, type B } from './x.js'`), each with its source file.
 *
 * @example
 * publicExports(new URL('./index.ts', import.meta.url)); // [{ name: 'parseScope', file: './parse-scope.ts' }, …]
 */
export function publicExports(index: URL): PublicExport[] {
  const found: PublicExport[] = [];
  for (const match of readFileSync(index, 'utf8').matchAll(
    /export (?:type )?\{([^}]*)\} from '(\.[^']+)\.js'/g,
  )) {
    for (const entry of (match[1] ?? '').split(',')) {
      const name = entry.replace(/^\s*type\s+/, '').trim();
      if (name !== '') found.push({ name, file: `${match[2]}.ts` });
    }
  }
  return found;
}

/**
 * The doc comment right above `export … name` in `file`, or `undefined` when there is none.
 *
 * @example
 * docCommentOf('parseScope', './parse-scope.ts', index); // ' * Splits a scope string … @example …'
 */
export function docCommentOf(name: string, file: string, index: URL): string | undefined {
  const declaration = new RegExp(
    `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:async )?(?:const|function|class|type|interface) ${name}\\b`,
  );
  return declaration.exec(read(file, index))?.[1];
}

/**
 * Declares the suite: the lib re-exports more than `moreThan` names (so a broken parse cannot pass
 * on an empty list), and one test per name that its declaration carries a doc comment with an
 * `@example`.
 *
 * @example
 * // libs/scopes/src/public-api-docs.test.ts
 * describePublicApiDocs(new URL('./index.ts', import.meta.url), { moreThan: 10 });
 */
export function describePublicApiDocs(index: URL, options: { moreThan: number }): void {
  describe('public API documentation', () => {
    it('re-exports something', () => {
      expect(
        publicExports(index).length,
        `names re-exported by ${index.pathname} (export { … } from './x.js')`,
      ).toBeGreaterThan(options.moreThan);
    });

    it.each(publicExports(index))('documents $name with an @example', ({ name, file }) => {
      const doc = docCommentOf(name, file, index);
      expect(doc, `${name} in ${file}: no doc comment right above its export`).toBeDefined();
      expect(doc, `${name} in ${file}: its doc comment has no @example`).toContain('@example');
    });
  });
}
