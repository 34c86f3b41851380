import type { ProviderConfig } from '../config/config.js';
import type { EngineHost } from '../engine/engine-host.js';
import type { OidcPayloadRepository } from '../persistence/oidc-payload-repository.js';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';

/** What the admin routes work with. */
export interface AdminDeps {
  readonly config: ProviderConfig;
  readonly prisma: ProviderPrisma;
  readonly repository: OidcPayloadRepository;
  /** The running engine (rebuilt on key changes, so always ask for the current one). */
  readonly engine: () => EngineHost;
}
