/**
 * Holds the running engine and rebuilds it when the signing keys change (the engine takes its JWKS
 * at construction). Every instance polls the shared `SigningKey` table, so a rotation made on one
 * instance (or by `npm run provider:rotate-keys`) reaches all of them within KEY_REFRESH_SECONDS;
 * time-based transitions (a published key starting to sign, a superseded key leaving the JWKS)
 * are picked up by the same poll. All engine state is in the database, so a rebuild loses nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { type Adapter, type FindAccount } from 'oidc-provider';
import type { Middleware } from 'koa';
import type { ProviderConfig } from '../config/config.js';
import { computeKeyRing, type KeyRing } from '../keys/key-ring.js';
import { loadKeyRows, syncKeyStatuses } from '../keys/signing-key-store.js';
import type { Logger } from '../logging/logger.js';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';
import { prefetchHints } from '../persistence/prefetch-hints.js';
import { runInRequestScope, withDeferredWrites } from '../persistence/request-memo.js';
import { buildEngineConfiguration } from './build-engine-configuration.js';
import { useAtomicReplayDetection } from './atomic-replay-detection.js';
import { attachEngineEvents } from './engine-events.js';
import { enforceExactRedirectMatching } from './exact-redirect-matching.js';

export interface EngineHostOptions {
  readonly config: ProviderConfig;
  readonly prisma: ProviderPrisma;
  /** `undefined` selects the engine's in-memory adapter (benchmark baseline only). */
  readonly adapter: ((name: string) => Adapter) | undefined;
  readonly cookieKeys: readonly string[];
  readonly findAccount: FindAccount;
  readonly logger: Logger;
  /** Middleware mounted in front of the engine's routes, built for each engine instance. */
  readonly middleware: (provider: Provider) => Middleware[];
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export class EngineHost {
  #provider!: Provider;
  #handler!: Handler;
  #ring!: KeyRing;
  #timer: NodeJS.Timeout | undefined;
  #transition: NodeJS.Timeout | undefined;

  private constructor(private readonly options: EngineHostOptions) {}

  static async start(options: EngineHostOptions): Promise<EngineHost> {
    const host = new EngineHost(options);
    const ring = computeKeyRing(await loadKeyRows(options.prisma));
    host.#build(ring);
    host.#scheduleTransition(ring);
    host.#timer = setInterval(() => {
      host
        .refresh()
        .catch((error: unknown) => options.logger.error({ err: error }, 'key refresh failed'));
    }, options.config.keys.refreshSeconds * 1000);
    host.#timer.unref();
    return host;
  }

  current(): Provider {
    return this.#provider;
  }

  keyRing(): KeyRing {
    return this.#ring;
  }

  /** Re-reads the keys; rebuilds the engine when the published set or the signer changed. */
  async refresh(): Promise<void> {
    await syncKeyStatuses(this.options.prisma);
    const ring = computeKeyRing(await loadKeyRows(this.options.prisma));
    if (ring.fingerprint !== this.#ring.fingerprint) {
      this.#build(ring);
      this.options.logger.info(
        { signer: ring.signer?.kid, published: ring.published.map((row) => row.kid) },
        'signing keys changed',
      );
    }
    this.#scheduleTransition(ring);
  }

  /** Refreshes right when a key is due to activate or retire, not up to KEY_REFRESH_SECONDS later. */
  #scheduleTransition(ring: KeyRing): void {
    if (this.#transition) clearTimeout(this.#transition);
    this.#transition = undefined;
    if (ring.nextTransitionAt === undefined) return;
    const delay = Math.max(0, ring.nextTransitionAt - Date.now()) + 25;
    if (delay > 2 ** 31 - 1) return;
    this.#transition = setTimeout(() => {
      this.refresh().catch((error: unknown) =>
        this.options.logger.error({ err: error }, 'key refresh failed'),
      );
    }, delay);
    this.#transition.unref();
  }

  /**
   * Every request runs in its own payload memo scope, with the ids it names to prefetch (see
   * request-memo.ts, prefetch-hints.ts).
   */
  handle: Handler = (req, res) => {
    runInRequestScope(
      () => this.#handler(req, res),
      prefetchHints(req, this.#provider.cookieName('session')),
    );
  };

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    if (this.#transition) clearTimeout(this.#transition);
  }

  #build(ring: KeyRing): void {
    const { options } = this;
    const provider = new Provider(
      options.config.issuer,
      buildEngineConfiguration({
        config: options.config,
        adapter: options.adapter,
        jwks: ring.privateJwks,
        signingKid: () => ring.signer?.kid,
        cookieKeys: options.cookieKeys,
        findAccount: options.findAccount,
      }),
    );
    provider.proxy = options.config.trustProxy;
    enforceExactRedirectMatching(provider);
    useAtomicReplayDetection(provider);
    attachEngineEvents(provider, options.logger);
    // Outermost: the request's payload writes reach the database together, before the response
    // (request-memo.ts, unit of work).
    provider.use((_ctx, next) => withDeferredWrites(next));
    for (const middleware of options.middleware(provider)) provider.use(middleware);
    this.#provider = provider;
    this.#ring = ring;
    this.#handler = provider.callback();
  }
}
