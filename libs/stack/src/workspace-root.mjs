import { fileURLToPath } from 'node:url';

/** The monorepo root (this file is libs/stack/src/workspace-root.mjs). */
export const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
