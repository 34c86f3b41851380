/**
 * What the load generator sends: one unit of work per call, resolving to true when the server
 * answered as a correct authorization server would (a token response with the expected fields).
 */
import { randomBytes } from 'node:crypto';
import { demoUsers, machineClient, mobileClient } from '@oauth-ref/demo-config';
import { Browser } from '../testing/browser.js';
import {
  authorizationUrl,
  basicAuth,
  mobileTokens,
  pkcePair,
  tokenRequest,
} from '../testing/oauth-flows.js';

export type Flavour = 'ours' | 'bare';
export type Scenario = 'client_credentials' | 'login';

const machineAuth = basicAuth(machineClient.clientId, machineClient.clientSecret!);

async function clientCredentials(url: string): Promise<boolean> {
  const { status, body } = await tokenRequest(
    url,
    { grant_type: 'client_credentials', scope: 'notes:stats' },
    machineAuth,
  );
  return status === 200 && typeof body.access_token === 'string';
}

/** Our provider: its login page (username + password, scrypt) and consent page, then /token. */
async function ourLogin(url: string): Promise<boolean> {
  const { tokens } = await mobileTokens(url);
  return tokens.status === 200 && typeof tokens.body.refresh_token === 'string';
}

/** The bare engine: the same authorization request through its development pages, then /token. */
async function bareLogin(url: string): Promise<boolean> {
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
      const code = new URL(location).searchParams.get('code');
      if (!code) return false;
      const tokens = await tokenRequest(url, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: mobileClient.redirectUris[0]!,
        client_id: mobileClient.clientId,
        code_verifier: verifier,
      });
      return tokens.status === 200 && typeof tokens.body.refresh_token === 'string';
    }
    const page = await response.text();
    const action = /action="([^"]*\/interaction\/[^"]+)"/.exec(page)?.[1];
    if (!action) return false;
    const form: Record<string, string> = page.includes('name="login"')
      ? { prompt: 'login', login: demoUsers[0]!.sub, password: demoUsers[0]!.password }
      : { prompt: 'consent' };
    response = await browser.follow(await browser.postForm(action, form));
  }
  return false;
}

export function scenarioWork(
  scenario: Scenario,
  flavour: Flavour,
  url: string,
): () => Promise<boolean> {
  if (scenario === 'client_credentials') return () => clientCredentials(url);
  return flavour === 'ours' ? () => ourLogin(url) : () => bareLogin(url);
}
