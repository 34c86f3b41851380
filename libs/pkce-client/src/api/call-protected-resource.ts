/**
 * RFC 6750 §2.1 / §3: call a resource server with `Authorization: Bearer <token>` and make its
 * refusal readable. A 401 `invalid_token` means the token is bad or expired (refresh, or sign in);
 * a 403 `insufficient_scope` names the scope the token lacks. The challenge comes from the
 * `WWW-Authenticate` header (parsed by oauth4webapi) when the browser may read it, else from the
 * JSON error body.
 * RFC 9449 §7: with a DPoP handle the token goes as `Authorization: DPoP <token>` with a `DPoP`
 * proof whose `ath` is the token's hash; a `use_dpop_nonce` challenge (§9) is answered once with a
 * fresh proof carrying the API's nonce.
 * No answer at all (API down, unreachable, or CORS) throws `api_unreachable` naming the URL, not
 * the browser's bare "Failed to fetch".
 */
import * as oauth from 'oauth4webapi';
import { isNetworkFailure } from '../errors/is-network-failure.js';
import { PkceClientError } from '../errors/pkce-client-error.js';

/** The outcome of one API call. */
export type ApiCallResult =
  | { readonly ok: true; readonly status: number; readonly body: unknown }
  | {
      readonly ok: false;
      readonly status: number;
      readonly error: string | undefined;
      readonly errorDescription: string | undefined;
      /** For `insufficient_scope`: the scope the resource requires. */
      readonly requiredScope: string | undefined;
      readonly wwwAuthenticate: string | undefined;
      readonly body: unknown;
      /** One sentence for the screen. */
      readonly explanation: string;
    };

/**
 * Sends a request with the bearer token and classifies the answer.
 *
 * @example
 * const result = await callProtectedResource(accessToken, 'POST', new URL('/notes', apiUrl), { title: 'x', body: 'y' });
 * if (!result.ok && result.status === 403) console.warn(result.requiredScope); // 'notes:write'
 */
export async function callProtectedResource(
  accessToken: string,
  method: 'GET' | 'POST',
  url: URL,
  jsonBody?: unknown,
  options: { allowInsecureHttp?: boolean; fetch?: typeof fetch; dpop?: oauth.DPoPHandle } = {},
): Promise<ApiCallResult> {
  const first = await sendOnce(accessToken, method, url, jsonBody, options);
  if (!options.dpop || !asksForDpopNonce(first)) return first;
  return sendOnce(accessToken, method, url, jsonBody, options);
}

function asksForDpopNonce(result: ApiCallResult): boolean {
  return !result.ok && result.status === 401 && result.error === 'use_dpop_nonce';
}

async function sendOnce(
  accessToken: string,
  method: 'GET' | 'POST',
  url: URL,
  jsonBody: unknown,
  options: { allowInsecureHttp?: boolean; fetch?: typeof fetch; dpop?: oauth.DPoPHandle },
): Promise<ApiCallResult> {
  const headers = new Headers({ accept: 'application/json' });
  if (jsonBody !== undefined) headers.set('content-type', 'application/json');
  const requestOptions: oauth.ProtectedResourceRequestOptions = {
    [oauth.allowInsecureRequests]: options.allowInsecureHttp ?? false,
    ...(options.dpop ? { DPoP: options.dpop } : {}),
    // fetch accepts every body oauth4webapi passes; the DOM and Node typings merely disagree.
    ...(options.fetch
      ? {
          [oauth.customFetch]:
            options.fetch as oauth.ProtectedResourceRequestOptions[typeof oauth.customFetch],
        }
      : {}),
  };
  let response: Response;
  let challenge: oauth.WWWAuthenticateChallenge | undefined;
  try {
    response = await oauth.protectedResourceRequest(
      accessToken,
      method,
      url,
      headers,
      jsonBody === undefined ? null : JSON.stringify(jsonBody),
      requestOptions,
    );
  } catch (error) {
    if (isNetworkFailure(error)) {
      throw new PkceClientError(
        'api_unreachable',
        `${method} ${url.href}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    if (!(error instanceof oauth.WWWAuthenticateChallengeError)) throw error;
    response = error.response;
    challenge =
      error.cause.find((c) => c.scheme === (options.dpop ? 'dpop' : 'bearer')) ?? error.cause[0];
  }
  const body = await readBody(response);
  if (response.ok) return { ok: true, status: response.status, body };
  const bodyError = errorFields(body);
  const error = challenge?.parameters.error ?? bodyError.error;
  const requiredScope = challenge?.parameters.scope ?? bodyError.scope;
  return {
    ok: false,
    status: response.status,
    error,
    errorDescription: challenge?.parameters.error_description ?? bodyError.errorDescription,
    requiredScope,
    wwwAuthenticate: response.headers.get('www-authenticate') ?? undefined,
    body,
    explanation: explainFailure(response.status, error, requiredScope),
  };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function errorFields(body: unknown): { error?: string; errorDescription?: string; scope?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const text = (name: string) =>
    typeof record[name] === 'string' ? (record[name] as string) : undefined;
  return {
    error: text('error'),
    errorDescription: text('error_description') ?? text('message'),
    scope: text('scope'),
  };
}

function explainFailure(
  status: number,
  error: string | undefined,
  scope: string | undefined,
): string {
  if (status === 401) {
    return `401 ${error ?? 'unauthorized'}: the API did not accept the access token or its DPoP proof (missing, expired, wrong audience, not an access token, or not signed by the key it is bound to). Refresh it or sign in again.`;
  }
  if (status === 403) {
    return `403 ${error ?? 'forbidden'}: the token is valid but lacks ${scope ? `the scope "${scope}"` : 'a required scope'}. Sign in again granting it.`;
  }
  return `${status} ${error ?? 'error'}: the API refused the request.`;
}
