/**
 * What the load generator sends: one unit of work per call, resolving to `undefined` when the
 * server answered as a correct authorization server would (a token response with the expected
 * fields), else to the reason it did not (see failure-reasons.ts: step, status, OAuth error).
 */
import { randomBytes } from 'node:crypto';
import { demoUsers, machineClient, mobileClient } from '@oauth-ref/demo-config';
import { Browser } from '../testing/browser.js';
import { exceptionReason, failureReason } from './failure-reasons.js';
import {
  authorizationUrl,
  authorize,
  basicAuth,
  pkcePair,
  tokenRequest,
} from '../testing/oauth-flows.js';

export type Flavour = 'ours' | 'bare';
export type Scenario = 'client_credentials' | 'login';
/** `undefined` for a correct answer, else why the operation failed (no secret in it). */
export type Outcome = string | undefined;

const machineAuth = basicAuth(machineClient.clientId, machineClient.clientSecret!);

/** The token response's outcome: correct when 200 with `expected` a string field. */
function tokenOutcome(
  step: string,
  { status, body }: { status: number; body: Record<string, unknown> },
  expected: string,
): Outcome {
  return status === 200 && typeof body[expected] === 'string'
    ? undefined
    : failureReason(step, status, body);
}

async function clientCredentials(url: string): Promise<Outcome> {
  const response = await tokenRequest(
    url,
    { grant_type: 'client_credentials', scope: 'notes:stats' },
    machineAuth,
  ).catch((error: unknown) => exceptionReason('POST /token', error));
  if (typeof response === 'string') return response;
  return tokenOutcome('POST /token', response, 'access_token');
}

/** The callback's code redeemed with its PKCE verifier, as the mobile client does. */
async function redeemCallback(url: string, callback: URL, verifier: string): Promise<Outcome> {
  const code = callback.searchParams.get('code');
  if (!code) {
    return failureReason('callback', undefined, {
      error: callback.searchParams.get('error') ?? 'no code',
      error_description: callback.searchParams.get('error_description') ?? undefined,
    });
  }
  const tokens = await tokenRequest(url, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: mobileClient.redirectUris[0]!,
    client_id: mobileClient.clientId,
    code_verifier: verifier,
  });
  return tokenOutcome('POST /token', tokens, 'refresh_token');
}

/** Our provider: its login page (username + password, scrypt) and consent page, then /token. */
async function ourLogin(url: string): Promise<Outcome> {
  const { verifier, challenge } = pkcePair();
  const result = await authorize(url, { pkce: { challenge } }).catch((error: unknown) =>
    exceptionReason('authorization (GET /auth, login, consent)', error),
  );
  if (typeof result === 'string') return result;
  return redeemCallback(url, result.callback, verifier).catch((error: unknown) =>
    exceptionReason('POST /token', error),
  );
}

/** The bare engine: the same authorization request through its development pages, then /token. */
async function bareLogin(url: string): Promise<Outcome> {
  return bareLoginSteps(url).catch((error: unknown) => exceptionReason('bare login', error));
}

async function bareLoginSteps(url: string): Promise<Outcome> {
  const browser = new Browser(url);
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(8).toString('hex');
  const nonce = randomBytes(8).toString('hex');
  let response = await browser.follow(
    await browser.get(authorizationUrl(url, { pkce: { challenge }, state, nonce })),
  );
  for (let step = 0; step < 4; step += 1) {
    const location = response.headers.get('location');
    if (location && !location.startsWith(url)) {
      return redeemCallback(url, new URL(location), verifier);
    }
    const page = await response.text();
    const action = /action="([^"]*\/interaction\/[^"]+)"/.exec(page)?.[1];
    if (!action) return failureReason(`interaction step ${step}`, response.status, page);
    const form: Record<string, string> = page.includes('name="login"')
      ? { prompt: 'login', login: demoUsers[0]!.sub, password: demoUsers[0]!.password }
      : { prompt: 'consent' };
    response = await browser.follow(await browser.postForm(action, form));
  }
  return 'interaction: the flow did not reach the client';
}

export function scenarioWork(
  scenario: Scenario,
  flavour: Flavour,
  url: string,
): () => Promise<Outcome> {
  if (scenario === 'client_credentials') return () => clientCredentials(url);
  return flavour === 'ours' ? () => ourLogin(url) : () => bareLogin(url);
}
