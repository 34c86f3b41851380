/**
 * The app's one auth module: it composes @oauth-ref/pkce-client with the platform ports (where the
 * refresh token and the pending attempt live, how the browser is opened) and keeps the state the
 * screen renders, flow log included. No React and no React Native here, so it runs under vitest.
 */
import {
  appendFlowSteps,
  buildAuthorizationUrl,
  buildEndSessionUrl,
  callProtectedResource,
  createAuthorizationAttempt,
  createFlowStep,
  createTokenSession,
  describeAttemptSteps,
  describeDpopKeyStep,
  describeDpopProofSteps,
  type DpopKeyStore,
  type DpopProofRecorder,
  describeCallbackChecksStep,
  describeCallbackStep,
  describeTokenRequestStep,
  describeTokenResponseStep,
  discoverAuthorizationServer,
  exchangeAuthorizationCode,
  type FlowField,
  type FlowStep,
  isPkceClientError,
  loadOrCreateDpopKeyPair,
  parsePendingAttempt,
  recordDpopProofs,
  type PkceClientSettings,
  refreshTokenSet,
  revokeRefreshToken,
  type SecretStore,
  type SpentCode,
  serialisePendingAttempt,
  type TokenSession,
  type TokenSet,
  validateCallback,
} from '@oauth-ref/pkce-client';
import * as oauth from 'oauth4webapi';
import type { AppConfig } from '../config/load-app-config.js';
import { runLabGroup } from '../lab/run-lab-group.js';
import type { PendingAttemptStore } from '../platform/pending-attempt-store.js';
import { noSessionMarker, type SessionMarker } from '../platform/session-marker.js';
import { type AuthViewState, initialAuthViewState, type LabGroup } from './auth-state.js';
import type { UserAgent } from './user-agent.js';

export interface AuthPorts {
  readonly refreshTokenStore: SecretStore;
  readonly pendingAttempts: PendingAttemptStore;
  readonly userAgent: UserAgent;
  /** Where this install's DPoP key pair lives (IndexedDB on the web, secure storage natively). */
  readonly dpopKeyStore: DpopKeyStore;
  /** Makes a new DPoP key pair (default: a non-extractable Web Crypto ES256 key). */
  readonly generateDpopKey?: () => Promise<oauth.CryptoKeyPair>;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  /** "This tab was signed in" (no secret), so a reload can say why it is signed out. */
  readonly sessionMarker?: SessionMarker;
}

type NewStep = Omit<FlowStep, 'id'>;
const plain = (label: string, value: string): FlowField => ({ label, value, sensitivity: 'plain' });
const WRITE_SCOPE = 'notes:write';

export class AuthController {
  private state: AuthViewState = initialAuthViewState;
  private readonly listeners = new Set<() => void>();
  private readonly session: TokenSession;
  private as: oauth.AuthorizationServer | undefined;
  private dpop: oauth.DPoPHandle | undefined;
  private readonly proofs: DpopProofRecorder;
  private readonly now: () => number;
  private readonly marker: SessionMarker;
  /** The code this tab redeemed at sign-in (spent), kept in memory for the lab's replays only. */
  private spentCode: SpentCode | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly ports: AuthPorts,
  ) {
    this.now = ports.now ?? (() => Date.now());
    this.marker = ports.sessionMarker ?? noSessionMarker;
    const send = ports.fetch ?? ((input, init) => fetch(input, init));
    this.proofs = recordDpopProofs(send);
    this.session = createTokenSession(ports.refreshTokenStore, (current, refreshToken) =>
      refreshTokenSet(this.requireAs(), this.settings(), current, refreshToken, this.now),
    );
    this.session.subscribe((session) => {
      if (session.status === 'signed-in') this.marker.mark();
      else this.marker.clear();
      this.update({
        session,
        phase: session.status === 'signed-in' ? 'signed-in' : this.readyPhase(),
      });
    });
  }

  // --- observable state (useSyncExternalStore) ---
  getState = (): AuthViewState => this.state;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Discovers the provider and, when the page is the web callback, completes the sign-in. */
  async start(callbackUrl?: URL): Promise<void> {
    const pending = callbackUrl ? this.ports.pendingAttempts.take() : null;
    // a page that starts signed out although this tab was signed in: a reload forgot the tokens
    if (this.marker.takeMark() && this.state.session.status !== 'signed-in')
      this.update({ reloadNotice: true });
    let key;
    try {
      key = await loadOrCreateDpopKeyPair(this.ports.dpopKeyStore, this.ports.generateDpopKey);
      this.dpop = oauth.DPoP({}, key.keyPair);
      this.as = await discoverAuthorizationServer(this.settings());
    } catch (error) {
      this.update({ phase: 'unavailable' });
      this.fail(error);
      return;
    }
    if (!callbackUrl) {
      this.log(
        describeDpopKeyStep({
          thumbprint: await this.dpop.calculateThumbprint(),
          created: key.created,
          home: this.ports.dpopKeyStore.description,
        }),
        createFlowStep('discovery', {
          outcome: 'ok',
          at: this.now(),
          fields: [
            plain('issuer', this.as.issuer),
            plain('authorization_endpoint', String(this.as.authorization_endpoint)),
            plain('token_endpoint', String(this.as.token_endpoint)),
            plain(
              'code_challenge_methods_supported',
              this.as.code_challenge_methods_supported?.join(' ') ?? 'not stated',
            ),
            plain(
              'authorization_response_iss_parameter_supported',
              String(this.as.authorization_response_iss_parameter_supported ?? false),
            ),
            plain(
              'dpop_signing_alg_values_supported',
              this.as.dpop_signing_alg_values_supported?.join(' ') ?? 'not stated',
            ),
          ],
        }),
      );
      this.update({ phase: 'ready' });
      return;
    }
    this.ports.userAgent.forgetCallbackUrl();
    await this.completeCallback(callbackUrl, pending);
  }

  setRequestWriteScope(requestWriteScope: boolean): void {
    this.update({ requestWriteScope });
  }

  /** Starts a fresh attempt: new verifier, challenge, state and nonce; then opens the browser. */
  async signIn(): Promise<void> {
    await this.run(async () => {
      const as = this.requireAs();
      const settings = this.settings();
      const attempt = await createAuthorizationAttempt(settings, { now: this.now });
      const url = buildAuthorizationUrl(as, attempt);
      this.log(...describeAttemptSteps(attempt, url).map((s) => ({ ...s, at: this.now() })));
      this.ports.pendingAttempts.save(serialisePendingAttempt({ attempt, log: this.state.log }));
      this.update({ phase: 'redirecting' });
      const outcome = await this.ports.userAgent.startAuthorization(url, attempt.redirectUri);
      if (outcome.type === 'callback') {
        await this.completeCallback(outcome.url, this.ports.pendingAttempts.take());
      } else if (outcome.type === 'cancelled') {
        this.ports.pendingAttempts.take();
        this.log(
          createFlowStep('error', {
            outcome: 'refused',
            title: 'Sign-in cancelled',
            at: this.now(),
          }),
        );
        this.update({ phase: 'ready' });
      }
    });
  }

  private async completeCallback(callbackUrl: URL, pendingText: string | null): Promise<void> {
    this.update({ phase: 'exchanging' });
    await this.run(async () => {
      const callbackStep = describeCallbackStep(callbackUrl);
      let pending;
      try {
        pending = parsePendingAttempt(pendingText, this.now());
      } catch (error) {
        this.log(callbackStep);
        throw error;
      }
      const { attempt } = pending;
      this.update({ log: pending.log });
      this.log({ ...callbackStep, at: this.now() });
      const as = this.requireAs();
      const { params, checks } = validateCallback(as, attempt, callbackUrl);
      this.log({ ...describeCallbackChecksStep(checks), at: this.now() });
      this.log({
        ...describeTokenRequestStep(String(as.token_endpoint), attempt, params.get('code') ?? ''),
        at: this.now(),
      });
      const tokens = await exchangeAuthorizationCode(
        as,
        this.settings(),
        attempt,
        params,
        this.now,
      );
      this.spentCode = {
        code: params.get('code') ?? '',
        codeVerifier: attempt.codeVerifier,
        redirectUri: attempt.redirectUri,
      };
      this.logProofs('token request');
      this.log({
        ...describeTokenResponseStep('token-response', tokens, this.config.refreshTokenHome),
        at: this.now(),
      });
      await this.session.start(tokens);
      this.update({ reloadNotice: false });
    });
    if (this.state.session.status !== 'signed-in') this.update({ phase: this.readyPhase() });
  }

  /** Uses the refresh token once; the store gets the rotated one. A refused one ends the session. */
  async refresh(): Promise<void> {
    await this.run(async () => {
      const result = await this.session.refresh();
      this.logProofs('refresh request');
      this.log({
        ...describeTokenResponseStep('refresh', result.tokenSet, this.config.refreshTokenHome, [
          plain(
            'rotation',
            result.rotated
              ? 'new refresh token stored; the previous one is now invalid (reuse would revoke the grant)'
              : 'the provider returned the same refresh token (no rotation)',
          ),
        ]),
        at: this.now(),
      });
    });
  }

  callMe = () => this.callApi('GET /me', 'GET', '/me');
  loadNotes = () => this.callApi('GET /notes', 'GET', '/notes');
  createNote = (title: string, body: string) =>
    this.callApi('POST /notes', 'POST', '/notes', { title, body });

  private async callApi(label: string, method: 'GET' | 'POST', path: string, body?: unknown) {
    await this.run(async () => {
      let tokens = this.state.session.tokens;
      if (
        tokens?.expiresAt !== undefined &&
        tokens.expiresAt <= this.now() + 5_000 &&
        this.state.session.hasRefreshToken
      ) {
        await this.refresh();
        tokens = this.state.session.tokens;
      }
      if (!tokens) throw new Error('Sign in first: there is no access token.');
      const url = new URL(`${this.config.apiUrl}${path}`);
      const result = await callProtectedResource(tokens.accessToken, method, url, body, {
        allowInsecureHttp: this.config.allowInsecureHttp,
        fetch: this.proofs.fetch,
        ...this.dpopFor(tokens),
      });
      this.logProofs(`API ${label}`);
      this.log(
        createFlowStep('api-request', {
          at: this.now(),
          title: `API ${label} → ${result.status}`,
          outcome: result.ok ? 'ok' : 'refused',
          fields: [
            plain('request', `${method} ${url.href}`),
            plain(
              'authorization',
              tokens.tokenType.toLowerCase() === 'dpop'
                ? "DPoP <access_token> plus a DPoP header: the proof above, signed by this install's key for this method and URL, with ath = hash of the token"
                : 'Bearer <access_token> (the provider did not bind this token to the key)',
            ),
            ...(body === undefined ? [] : [plain('body', JSON.stringify(body))]),
            plain('status', String(result.status)),
            ...(result.ok
              ? []
              : [
                  plain('explanation', result.explanation),
                  ...(result.wwwAuthenticate
                    ? [plain('WWW-Authenticate', result.wwwAuthenticate)]
                    : []),
                ]),
            plain('response', JSON.stringify(result.body)),
          ],
        }),
      );
      this.update({
        lastApiCall: { label, result },
        ...(result.ok && path === '/me' ? { me: result.body } : {}),
        ...(result.ok && label === 'GET /notes' ? { notes: result.body } : {}),
      });
      if (result.ok && method === 'POST') {
        await this.loadNotesQuietly(tokens);
      }
    });
  }

  private async loadNotesQuietly(tokens: Pick<TokenSet, 'accessToken' | 'tokenType'>) {
    const result = await callProtectedResource(
      tokens.accessToken,
      'GET',
      new URL(`${this.config.apiUrl}/notes`),
      undefined,
      {
        allowInsecureHttp: this.config.allowInsecureHttp,
        fetch: this.proofs.fetch,
        ...this.dpopFor(tokens),
      },
    );
    this.logProofs('API GET /notes (list after the write)');
    if (result.ok) this.update({ notes: result.body });
  }

  /** Revokes the refresh token, clears local state, then (web) RP-initiated logout. */
  async signOut(): Promise<void> {
    await this.run(async () => {
      const { refreshToken, idToken } = await this.session.clear();
      this.spentCode = undefined;
      this.update({ me: undefined, notes: undefined, lastApiCall: undefined });
      const as = this.requireAs();
      if (refreshToken) {
        try {
          await revokeRefreshToken(as, this.settings(), refreshToken);
          this.log(
            createFlowStep('revocation', {
              at: this.now(),
              outcome: 'ok',
              fields: [
                plain('endpoint', `POST ${String(as.revocation_endpoint)}`),
                { label: 'token', value: refreshToken, sensitivity: 'secret' },
                plain('token_type_hint', 'refresh_token'),
              ],
            }),
          );
        } catch (error) {
          this.fail(error);
        }
      }
      const endSession = this.ports.userAgent.supportsEndSession
        ? buildEndSessionUrl(as, this.settings(), idToken)
        : undefined;
      if (!endSession) return;
      this.log(
        createFlowStep('logout', {
          at: this.now(),
          fields: [
            plain('endpoint', `${endSession.origin}${endSession.pathname}`),
            ...[...endSession.searchParams].map(([label, value]) =>
              label === 'id_token_hint'
                ? { label, value, sensitivity: 'token' as const }
                : plain(label, value),
            ),
          ],
        }),
      );
      this.update({ phase: 'redirecting' });
      await this.ports.userAgent.endSession(endSession);
    });
  }

  /**
   * "Try to break it": runs one group of attacks from this app against the real provider and API.
   * The code and refresh replays end the session by design; the app then learns it the way it
   * would learn it from a thief: its own next refresh is refused.
   */
  async runLab(group: LabGroup): Promise<void> {
    const tokens = this.state.session.tokens;
    if (!tokens || this.state.lab.running) return;
    this.update({ lab: { ...this.state.lab, running: group } });
    try {
      const results = await runLabGroup(group, {
        target: {
          as: this.requireAs(),
          clientId: this.config.clientId,
          resource: this.config.resource,
          apiUrl: this.config.apiUrl,
          allowInsecureHttp: this.config.allowInsecureHttp,
          fetch: this.ports.fetch ?? ((input, init) => fetch(input, init)),
          dpop: this.requireDpop(),
        },
        session: { accessToken: tokens.accessToken, idToken: tokens.idToken },
        refreshToken: (await this.ports.refreshTokenStore.get()) ?? undefined,
        spentCode: this.spentCode,
        refreshSession: () => this.refreshForLab(),
      });
      const others = this.state.lab.results.filter((r) => !results.some((n) => n.id === r.id));
      this.update({ lab: { running: undefined, results: [...others, ...results] } });
    } catch (error) {
      this.update({ lab: { ...this.state.lab, running: undefined } });
      this.fail(error);
    }
  }

  /** The app's own refresh after a replay: 'revoked' when the provider refused it. */
  private async refreshForLab(): Promise<'kept' | 'revoked'> {
    try {
      await this.session.refresh();
      this.logProofs('refresh request (after a lab replay)');
      return 'kept';
    } catch (error) {
      this.logProofs('refresh request (after a lab replay)');
      if (isPkceClientError(error, 'refresh_token_rejected')) {
        this.update({ me: undefined, notes: undefined, lastApiCall: undefined });
        return 'revoked';
      }
      throw error;
    }
  }

  // --- helpers ---
  private settings(): PkceClientSettings {
    const scope = this.state.requestWriteScope
      ? this.config.defaultScope
      : this.config.defaultScope
          .split(' ')
          .filter((s) => s !== WRITE_SCOPE)
          .join(' ');
    return {
      issuer: this.config.issuer,
      clientId: this.config.clientId,
      redirectUri: this.config.redirectUri,
      scope,
      resource: this.config.resource,
      postLogoutRedirectUri: this.config.postLogoutRedirectUri,
      allowInsecureHttp: this.config.allowInsecureHttp,
      fetch: this.proofs.fetch,
      dpop: this.requireDpop(),
    };
  }

  /**
   * RFC 9449 §7.1: a DPoP-bound token goes with the DPoP scheme and a proof; a token the provider
   * did not bind (a vendor without DPoP) goes as Bearer.
   */
  private dpopFor(tokens: Pick<TokenSet, 'tokenType'>): { dpop?: oauth.DPoPHandle } {
    return tokens.tokenType.toLowerCase() === 'dpop' ? { dpop: this.requireDpop() } : {};
  }

  private requireDpop(): oauth.DPoPHandle {
    if (!this.dpop) throw new Error('The DPoP key has not been loaded yet.');
    return this.dpop;
  }

  /** Logs the proofs sent since the last call (a nonce retry shows as a second proof). */
  private logProofs(purpose: string): void {
    const sent = this.proofs.take();
    if (sent.length > 0)
      this.log(...describeDpopProofSteps(sent, purpose).map((s) => ({ ...s, at: this.now() })));
  }

  private requireAs(): oauth.AuthorizationServer {
    if (!this.as)
      throw new Error('The provider metadata has not been loaded (is the provider running?).');
    return this.as;
  }

  private readyPhase(): AuthViewState['phase'] {
    return this.as ? 'ready' : 'starting';
  }

  private async run(operation: () => Promise<void>): Promise<void> {
    this.update({ busy: true, error: undefined });
    try {
      await operation();
    } catch (error) {
      this.fail(error);
    } finally {
      this.update({ busy: false });
    }
  }

  private fail(error: unknown): void {
    this.logProofs('refused request');
    const code = isPkceClientError(error) ? error.code : 'unexpected_error';
    const message = error instanceof Error ? error.message : String(error);
    this.log(
      createFlowStep('error', {
        at: this.now(),
        outcome: 'refused',
        title: `Refused: ${code}`,
        fields: [plain('code', code), plain('why', message)],
      }),
    );
    this.update({ error: { code, message } });
  }

  private log(...steps: NewStep[]): void {
    this.update({ log: appendFlowSteps(this.state.log, ...steps) });
  }

  private update(patch: Partial<AuthViewState>): void {
    this.state = Object.freeze({ ...this.state, ...patch });
    this.listeners.forEach((listener) => listener());
  }
}
