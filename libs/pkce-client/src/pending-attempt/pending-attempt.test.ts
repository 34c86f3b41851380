import { describe, expect, it } from 'vitest';
import { createAuthorizationAttempt } from '../create-authorization-attempt.js';
import { appendFlowSteps, createFlowStep } from '../flow-log/flow-step.js';
import { testSettings } from '../testing/index.js';
import {
  parsePendingAttempt,
  PENDING_ATTEMPT_MAX_AGE_MS,
  serialisePendingAttempt,
} from './pending-attempt.js';

describe('pending attempt across the full-page redirect', () => {
  it('round-trips the attempt and the log written before the redirect', async () => {
    const attempt = await createAuthorizationAttempt(testSettings, { now: () => 1_000 });
    const log = appendFlowSteps(
      [],
      createFlowStep('verifier', {
        at: 1,
        fields: [{ label: 'code_verifier', value: attempt.codeVerifier, sensitivity: 'secret' }],
      }),
    );
    const parsed = parsePendingAttempt(serialisePendingAttempt({ attempt, log }), 2_000);
    expect(parsed.attempt).toEqual(attempt);
    expect(parsed.log).toEqual(log);
  });

  it('masks token fields before they are written', async () => {
    const attempt = await createAuthorizationAttempt(testSettings);
    const log = appendFlowSteps(
      [],
      createFlowStep('token-response', {
        fields: [{ label: 'access_token', value: 'eyJsecret-token-value', sensitivity: 'token' }],
      }),
    );
    expect(serialisePendingAttempt({ attempt, log })).not.toContain('eyJsecret-token-value');
  });

  it('refuses a missing, non-JSON or malformed record as "no pending attempt"', () => {
    expect(() => parsePendingAttempt(null, 0)).toThrow(
      expect.objectContaining({ code: 'no_pending_attempt' }),
    );
    expect(() => parsePendingAttempt('{', 0)).toThrow(/not JSON/);
    expect(() => parsePendingAttempt('{"attempt":{"codeVerifier":"short"},"log":[]}', 0)).toThrow(
      /malformed/,
    );
  });

  it('refuses an attempt older than its lifetime', async () => {
    const attempt = await createAuthorizationAttempt(testSettings, { now: () => 0 });
    const text = serialisePendingAttempt({ attempt, log: [] });
    expect(() => parsePendingAttempt(text, PENDING_ATTEMPT_MAX_AGE_MS + 1)).toThrow(
      expect.objectContaining({ code: 'pending_attempt_expired' }),
    );
  });
});
