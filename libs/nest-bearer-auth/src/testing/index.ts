export {
  startTestIssuer,
  type IssueTokenOptions,
  type StartTestIssuerOptions,
  type TestIssuer,
  type TestSigningAlgorithm,
} from './start-test-issuer.js';
export {
  createDpopKey,
  createDpopProof,
  type DpopKey,
  type DpopProofOptions,
} from './create-dpop-proof.js';
