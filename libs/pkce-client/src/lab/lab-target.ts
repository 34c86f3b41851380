/**
 * What the lab attacks: the provider (its metadata), the API, and the app's own client identity
 * and DPoP key. Built by the app from what it already holds; nothing here is stored.
 */
import type * as oauth from 'oauth4webapi';

export interface LabTarget {
  readonly as: oauth.AuthorizationServer;
  readonly clientId: string;
  /** RFC 8707 resource the app asks tokens for (the API). */
  readonly resource: string | undefined;
  /** The API's base URL; attacks probe `GET <apiUrl>/me`. */
  readonly apiUrl: string;
  readonly allowInsecureHttp: boolean;
  /** How requests are sent (the app passes its proof-recording fetch, or globalThis.fetch). */
  readonly fetch: typeof fetch;
  /** The app's own DPoP handle: proofs signed by the key its tokens are bound to. */
  readonly dpop: oauth.DPoPHandle;
  /** Makes the attacker's key pair (default: a fresh ES256 key). */
  readonly attackerKey?: () => Promise<oauth.CryptoKeyPair>;
}

/** The tokens of the session under attack (memory only, never stored by the lab). */
export interface LabSession {
  readonly accessToken: string;
  readonly idToken: string | undefined;
}

/** The authorization code this tab redeemed at sign-in, kept in memory for the replay attacks. */
export interface SpentCode {
  readonly code: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
}
