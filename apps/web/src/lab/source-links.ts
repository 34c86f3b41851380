/**
 * The repository files the lab links to (the code that refuses each attack and the tests that pin
 * it down). The lab serves exactly these files, read-only, at /lab/source/<path>, so a learner
 * running the stack locally can open them from the page; nothing else in the tree is reachable.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ATTACKS } from './attack-table';

/** Every path linked from the lab, without duplicates, in table order. */
export function linkedSourcePaths(): readonly string[] {
  return [...new Set(ATTACKS.flatMap((attack) => [...attack.enforcedBy, ...attack.testedBy]))];
}

/** The link the page renders for a repository path. */
export function sourceHref(path: string): string {
  return `/lab/source/${path}`;
}

/** The monorepo root: the nearest folder above `start` holding nx.json. */
export function findWorkspaceRoot(start = process.cwd()): string {
  let current = start;
  for (;;) {
    if (existsSync(join(current, 'nx.json'))) return current;
    const parent = dirname(current);
    if (parent === current) throw new Error(`no nx.json above ${start}`);
    current = parent;
  }
}

/** A linked file's text, or undefined when the path is not one the lab links to (or is missing). */
export async function readLinkedSource(path: string): Promise<string | undefined> {
  if (!linkedSourcePaths().includes(path)) return undefined;
  try {
    return await readFile(join(findWorkspaceRoot(), path), 'utf8');
  } catch {
    return undefined;
  }
}
