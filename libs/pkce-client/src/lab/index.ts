export {
  replayProof,
  sendAccessTokenAsBearer,
  sendAccessTokenWithoutProof,
  sendIdTokenAsAccessToken,
  sendProofFromAnotherKey,
} from './api-attacks.js';
export {
  labAttackCatalogue,
  sessionKeepingAttacks,
  type LabAttackDescription,
  type LabAttackId,
  type LabAttackResult,
  type LabOutcome,
} from './lab-attack.js';
export type { LabSession, LabTarget, SpentCode } from './lab-target.js';
export { labError, outcomeOf, readAttackAnswer, type AttackAnswer } from './read-answer.js';
export {
  replayCode,
  replayRotatedRefreshToken,
  sendCodeWithWrongVerifier,
  sendRefreshTokenWithoutKey,
} from './token-endpoint-attacks.js';
