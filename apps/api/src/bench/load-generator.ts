/**
 * The load generator, in its own process so that it never shares an event loop or a CPU
 * budget with a measured server: the parent sends one job at a time over IPC, this process
 * runs autocannon and answers with its figures. DPoP jobs sign a fresh ES256 proof per request
 * (new `jti`, current `iat`), so every request pays the whole RFC 9449 check, replay store
 * included; the key is a throwaway one made by the parent for this run.
 */
import { createHash, createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import autocannon from 'autocannon';
import type { JWK } from 'jose';

export interface LoadJob {
  readonly url: string;
  readonly duration: number;
  readonly connections: number;
  /** `Authorization` scheme and token. */
  readonly scheme: 'Bearer' | 'DPoP';
  readonly token: string;
  /** DPoP only: the private JWK that signs the proofs, and the proofs' `htu`. */
  readonly proofKey?: JWK;
  readonly htu?: string;
}

export interface LoadResult {
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
}

function proofMaker(privateJwk: JWK, htu: string): (token: string) => string {
  const key: KeyObject = createPrivateKey({ key: privateJwk as never, format: 'jwk' });
  const { d: _private, ...publicJwk } = privateJwk;
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = b64({ typ: 'dpop+jwt', alg: 'ES256', jwk: publicJwk });
  return (token) => {
    const ath = createHash('sha256').update(token).digest('base64url');
    const iat = Math.floor(Date.now() / 1000);
    const payload = b64({ htm: 'GET', htu, iat, jti: randomUUID(), ath });
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
      key,
      dsaEncoding: 'ieee-p1363',
    }).toString('base64url');
    return `${header}.${payload}.${signature}`;
  };
}

function headersFor(job: LoadJob): () => Record<string, string> {
  const authorization = `${job.scheme} ${job.token}`;
  if (job.scheme === 'Bearer') return () => ({ authorization });
  const proof = proofMaker(job.proofKey as JWK, job.htu as string);
  return () => ({ authorization, dpop: proof(job.token) });
}

/**
 * Runs one job.
 *
 * @example
 * const result = await runLoad({ url, duration: 5, connections: 20, scheme: 'Bearer', token });
 */
export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const headers = headersFor(job);
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.duration,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, headers: headers() }) }],
  });
  return {
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    requestsPerSecond: result.requests.total / job.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** Child-process entry: answer each job message with its result. */
export function serveLoadJobs(): void {
  process.on('message', (job: LoadJob | 'exit') => {
    if (job === 'exit') process.exit(0);
    runLoad(job).then(
      (result) => process.send?.({ result }),
      (error: unknown) => process.send?.({ error: String(error) }),
    );
  });
  process.send?.({ ready: true });
}
