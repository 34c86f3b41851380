/**
 * A tiny cookie-keeping user agent that walks the provider's own login and consent pages over
 * HTTP, as the victim's browser would: authorization request → login form → consent form →
 * redirect back to the client with the authorization response. Redirects are followed by hand so
 * the response that leaves the provider can be read instead of followed.
 */
import type { LabContext } from './lab-context';
import { shortenUrl } from './describe-exchange';

export class ProviderSession {
  private readonly cookies = new Map<string, string>();
  private readonly origin: string;

  constructor(
    private readonly lab: LabContext,
    issuer: string,
  ) {
    this.origin = new URL(issuer).origin;
  }

  private absorb(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(header) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** One request with this session's cookies (same origin only), redirects not followed. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, this.origin);
    const headers = new Headers(init.headers);
    if (target.origin === this.origin && this.cookies.size)
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await this.lab.fetch(target.href, { ...init, headers });
    if (target.origin === this.origin) this.absorb(response);
    return response;
  }

  postForm(url: string, form: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** Follows redirects inside the provider; stops at a page or at a redirect leaving it. */
  async follow(response: Response): Promise<Response> {
    let current = response;
    for (let hops = 0; hops < 10; hops += 1) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) return current;
      const next = new URL(location, this.origin);
      if (next.origin !== this.origin) return current;
      await current.body?.cancel();
      current = await this.request(next.href);
    }
    throw new Error('the provider redirected more than 10 times');
  }

  /** Opens the authorization URL and returns the first page or the redirect leaving the provider. */
  async open(authorizationUrl: string): Promise<Response> {
    return this.follow(await this.request(authorizationUrl));
  }
}

/** The value of a hidden form field in one of the provider's pages. */
export function hiddenField(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`no ${name} field in the provider's page`);
  return match[1];
}

/** The interaction form action (`/interaction/<uid>/login|confirm`) in a provider page. */
export function interactionAction(html: string): { path: string; step: string } | undefined {
  const match = /action="(\/interaction\/[^"/]+)\/(login|confirm)"/.exec(html);
  return match ? { path: match[1]!, step: match[2]! } : undefined;
}

export interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeChallenge?: string;
  readonly resource?: string;
}

export function buildAuthorizationUrl(issuer: string, request: AuthorizationRequest): string {
  const url = new URL(`${issuer.replace(/\/$/, '')}/auth`);
  url.search = new URLSearchParams({
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'code',
    scope: request.scope,
    state: request.state,
    nonce: request.nonce,
    prompt: 'consent',
    ...(request.codeChallenge
      ? { code_challenge: request.codeChallenge, code_challenge_method: 'S256' }
      : {}),
    ...(request.resource ? { resource: request.resource } : {}),
  }).toString();
  return url.href;
}

/**
 * Signs the user in and consents; returns the authorization response (the URL the provider sends
 * the browser back to). Recorded as one setup step: the victim's ordinary sign-in.
 *
 * @example
 * const callback = await signInAs(lab, victim, { clientId, redirectUri, scope, state, nonce });
 */
export async function signInAs(
  lab: LabContext,
  user: { username: string; password: string },
  request: AuthorizationRequest,
): Promise<URL> {
  const session = new ProviderSession(lab, lab.settings.issuer);
  const authorizationUrl = buildAuthorizationUrl(lab.settings.issuer, request);
  let response = await session.open(authorizationUrl);
  for (let step = 0; step < 4; step += 1) {
    const location = response.headers.get('location');
    if (
      location &&
      new URL(location, lab.settings.issuer).origin !== new URL(lab.settings.issuer).origin
    ) {
      const callback = new URL(location);
      lab.record({
        title: `The victim signs in and consents on the provider's pages (driven over HTTP)`,
        role: 'setup',
        request: {
          method: 'GET',
          url: shortenUrl(authorizationUrl),
          headers: {},
          tokens: [],
        },
        response: { status: response.status, location: shortenUrl(callback.href) },
      });
      return callback;
    }
    const page = await response.text();
    const action = interactionAction(page);
    if (!action)
      throw new Error(
        `unexpected provider page (HTTP ${response.status}) during the victim's sign-in`,
      );
    const csrf = hiddenField(page, 'csrf');
    response = await session.follow(
      action.step === 'login'
        ? await session.postForm(`${action.path}/login`, {
            csrf,
            username: user.username,
            password: user.password,
          })
        : await session.postForm(`${action.path}/confirm`, { csrf }),
    );
  }
  throw new Error("the victim's sign-in did not come back to the client");
}
