/**
 * For the flow log: the proofs exactly as sent. oauth4webapi builds each proof inside the request
 * it sends, so the recorder sits where the request leaves — a fetch wrapper — and keeps the `DPoP`
 * header of each request with its method and URL. Proofs are single-use, short-lived and carry no
 * secret (only the public key), so showing them is safe.
 */

/** One proof as it left the app. */
export interface RecordedDpopProof {
  readonly method: string;
  readonly url: string;
  readonly proof: string;
}

/** A fetch that records proofs, and the way to collect them. */
export interface DpopProofRecorder {
  readonly fetch: typeof fetch;
  /** Returns the proofs recorded since the last call, and forgets them. */
  take(): RecordedDpopProof[];
}

/**
 * Wraps `inner` so that every request carrying a `DPoP` header is recorded.
 *
 * @example
 * const recorder = recordDpopProofs(fetch);
 * await callProtectedResource(at, 'GET', url, undefined, { fetch: recorder.fetch, dpop });
 * recorder.take()[0]?.proof; // 'eyJ0eXAiOiJkcG9wK2p3dCIs…'
 */
export function recordDpopProofs(inner: typeof fetch): DpopProofRecorder {
  let recorded: RecordedDpopProof[] = [];
  const recording: typeof fetch = (input, init) => {
    const proof = new Headers(init?.headers).get('dpop');
    if (proof) {
      const url = input instanceof Request ? input.url : String(input);
      recorded.push({ method: init?.method ?? 'GET', url, proof });
    }
    return inner(input, init);
  };
  return {
    fetch: recording,
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
  };
}
