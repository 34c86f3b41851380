/**
 * What an attack gets to work with: the stack's URLs, a recorder that sends real requests and
 * keeps what was sent and received, and a cleanup list run after the attack whatever happened.
 * The admin token and the web client's secret stay in here, on the server: they are never
 * recorded, and the recorder masks every secret it sees.
 */
import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { OidcProfile } from '@oauth-ref/web-auth';
import { describeRequest, describeResponse } from './describe-exchange';
import { webClientCallback, type WebClientCallback } from './web-client-callback';
import type { LabStep } from './lab-types';

export interface LabSettings {
  readonly issuer: string;
  readonly apiUrl: string;
  /** The web app's own origin (throw-away clients redirect under it). */
  readonly baseUrl: string;
  /** The API's resource indicator (RFC 8707), the `aud` of its access tokens. */
  readonly resource: string;
  readonly webClientId: string;
  readonly webClientSecret: string;
  readonly webRedirectUri: string;
  /** The web app's next-auth provider, as its sign-in uses it (for the client-side checks). */
  readonly webProvider: OAuthConfig<OidcProfile>;
  /** The provider's admin API token; undefined when the admin API is not available to the lab. */
  readonly adminToken: string | undefined;
}

export interface SentExchange {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body as JSON, or an empty object. */
  readonly json: Record<string, unknown>;
}

export interface SendOptions {
  readonly title: string;
  readonly role: LabStep['role'];
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** For attack steps: how to tell a refusal from an acceptance. */
  readonly refusedWhen?: (exchange: SentExchange) => boolean;
}

export class LabContext {
  readonly steps: LabStep[] = [];
  readonly cleanupLog: string[] = [];
  private readonly cleanups: { label: string; run: () => Promise<void> }[] = [];

  constructor(
    readonly settings: LabSettings,
    private readonly fetcher: typeof fetch = fetch,
  ) {}

  /** Sends one request without following redirects, records it, and returns what came back. */
  async send(method: string, url: string, options: SendOptions): Promise<SentExchange> {
    const headers = options.headers ?? {};
    const response = await this.fetcher(url, {
      method,
      headers,
      body: options.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    const exchange: SentExchange = {
      status: response.status,
      headers: response.headers,
      text,
      json: parseObject(text),
    };
    this.steps.push({
      title: options.title,
      role: options.role,
      request: describeRequest(method, url, headers, options.body),
      response: describeResponse(response.status, response.headers, text),
      ...(options.refusedWhen ? { refused: options.refusedWhen(exchange) } : {}),
    });
    return exchange;
  }

  /** Records a step that is not an HTTP exchange of its own (a client-side check, a setup fact). */
  record(step: LabStep): void {
    this.steps.push(step);
  }

  /** Registers cleanup work, run in reverse order after the attack. */
  onCleanup(label: string, run: () => Promise<void>): void {
    this.cleanups.push({ label, run });
  }

  /** Runs every cleanup (last registered first); a failing one is logged, the others still run. */
  async cleanUp(): Promise<void> {
    for (const { label, run } of this.cleanups.reverse()) {
      try {
        await run();
        this.cleanupLog.push(`${label}: done`);
      } catch (error) {
        this.cleanupLog.push(
          `${label}: failed (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    }
    this.cleanups.length = 0;
  }

  /** The web app's callback handling (openid-client, configured as next-auth configures it). */
  webClient(): Promise<WebClientCallback> {
    return webClientCallback(this.settings.webProvider, this.settings.webRedirectUri);
  }

  /** Raw fetch for helpers (admin API, provider pages) whose exchanges are not attack steps. */
  fetch(url: string, init: RequestInit = {}): Promise<Response> {
    return this.fetcher(url, { redirect: 'manual', signal: AbortSignal.timeout(15_000), ...init });
  }
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
