/**
 * RFC 9449 §11.1 (DPoP proof replay) and RFC 7523 §3 (client assertion `jti`): a proof or assertion
 * is accepted once. The engine's `ReplayDetection.unique` reads the marker and then writes it (two
 * round trips, and two concurrent requests, on one instance or two, can both pass the read). Here
 * it is one atomic insert-if-absent in the shared table: of concurrent presentations exactly one
 * is unique, in one round trip.
 */
import { createHash } from 'node:crypto';
import type Provider from 'oidc-provider';
import { OidcAdapter } from '../persistence/oidc-adapter.js';

interface ReplayDetectionModel {
  readonly adapter: unknown;
  unique(iss: string, jti: string, exp: number): Promise<boolean>;
}

export function useAtomicReplayDetection(provider: Provider): void {
  const model = provider.ReplayDetection as unknown as ReplayDetectionModel;
  const adapter = model.adapter;
  // The engine's own in-memory adapter (benchmark baseline only) keeps the engine's check.
  if (!(adapter instanceof OidcAdapter)) return;
  model.unique = async (iss, jti, exp) => {
    const id = createHash('sha256').update(`${iss}${jti}`).digest('base64url');
    const iat = Math.floor(Date.now() / 1000);
    const expiresIn = Math.max(1, exp - iat);
    return adapter.insertIfAbsent(
      id,
      { kind: 'ReplayDetection', jti: id, iss, iat, exp: iat + expiresIn },
      expiresIn,
    );
  };
}
