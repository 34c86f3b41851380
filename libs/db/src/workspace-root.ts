import { fileURLToPath } from 'node:url';

/**
 * The monorepo root, found from this file's location (`libs/db/src` or `libs/db/dist`), so every
 * app resolves the embedded database and the migrations to the same place whatever its cwd.
 *
 * @example
 * join(workspaceRoot, '.data'); // '/path/to/oauth-reference/.data'
 */
export const workspaceRoot: string = fileURLToPath(new URL('../../../', import.meta.url));
