/**
 * The team rule "TSDoc with an @example on every export", pinned: every name `index.ts` re-exports
 * must be declared under a doc comment that holds an `@example` (the check is shared by the libs).
 */
import { describePublicApiDocs } from '../../../vitest.public-api-docs.js';

describePublicApiDocs(new URL('./index.ts', import.meta.url), { moreThan: 8 });
