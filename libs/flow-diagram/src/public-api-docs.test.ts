/**
 * The team rule "TSDoc with an @example on every export", pinned: every name `index.ts` re-exports
 * must be declared under a doc comment that holds an `@example`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const source = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');

function publicExports(): { name: string; file: string }[] {
  const found: { name: string; file: string }[] = [];
  for (const match of source('./index.ts').matchAll(
    /export (?:type )?\{([^}]*)\} from '(\.[^']+)\.js'/g,
  )) {
    for (const entry of (match[1] ?? '').split(',')) {
      const name = entry.replace(/^\s*type\s+/, '').trim();
      if (name !== '') found.push({ name, file: `${match[2]}.ts` });
    }
  }
  return found;
}

describe('public API documentation', () => {
  it('re-exports something', () => {
    expect(publicExports().length).toBeGreaterThan(8);
  });

  it.each(publicExports())('documents $name with an @example', ({ name, file }) => {
    const declaration = new RegExp(
      `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:const|function|class|type|interface) ${name}\\b`,
    );
    expect(declaration.exec(source(file))?.[1]).toContain('@example');
  });
});
