/**
 * Flow-log steps for DPoP (RFC 9449): the key this install binds its tokens to, and each proof as
 * it was sent — decoded, so the learner sees the public `jwk` in the header and the per-request
 * claims (`htm`, `htu`, `iat`, `jti`, `ath`, `nonce`).
 */
import type { RecordedDpopProof } from '../dpop/record-dpop-proofs.js';
import { decodeJwtForDisplay } from '../redaction/decode-jwt-for-display.js';
import { createFlowStep, type FlowField, type FlowStep } from './flow-step.js';

type NewStep = Omit<FlowStep, 'id'>;
const plain = (label: string, value: string): FlowField => ({ label, value, sensitivity: 'plain' });

/**
 * The step naming this install's DPoP key: thumbprint, where it lives, new or reused.
 *
 * @example
 * describeDpopKeyStep({ thumbprint: await dpop.calculateThumbprint(), created: true, home: store.description });
 */
export function describeDpopKeyStep(key: {
  thumbprint: string;
  created: boolean;
  home: string;
}): NewStep {
  return createFlowStep('dpop-key', {
    fields: [
      plain('alg', 'ES256 (ECDSA P-256)'),
      plain('jkt (RFC 7638 thumbprint)', key.thumbprint),
      plain('kept in', key.home),
      plain('private key extractable', 'no'),
      plain('this session', key.created ? 'new key generated' : 'the key of this install, reused'),
    ],
  });
}

/**
 * One step per recorded proof, with its header (public jwk) and claims decoded.
 *
 * @example
 * describeDpopProofSteps(recorder.take(), 'token request').map((s) => s.title);
 * // ['DPoP proof for POST http://localhost:4000/token (token request)']
 */
export function describeDpopProofSteps(
  proofs: readonly RecordedDpopProof[],
  purpose: string,
): NewStep[] {
  return proofs.map((recorded, index) => {
    const decoded = decodeJwtForDisplay(recorded.proof);
    const retry = index > 0 ? ', retried with the server nonce' : '';
    return createFlowStep('dpop-proof', {
      title: `DPoP proof for ${recorded.method} ${recorded.url} (${purpose}${retry})`,
      fields:
        decoded.kind === 'jwt'
          ? [
              plain('header', JSON.stringify(decoded.header, null, 2)),
              plain('claims', JSON.stringify(decoded.payload, null, 2)),
            ]
          : [plain('proof', decoded.reason)],
    });
  });
}
