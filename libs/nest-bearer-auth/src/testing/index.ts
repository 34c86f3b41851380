export {
  startTestIssuer,
  type IssueTokenOptions,
  type StartTestIssuerOptions,
  type TestIssuer,
  type TestSigningAlgorithm,
} from './start-test-issuer.js';
