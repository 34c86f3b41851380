/**
 * On the web, the authorization request is a full-page navigation: this JavaScript context is
 * destroyed and a new one loads at the callback. The pending attempt (verifier, state, nonce) and
 * the steps logged so far must survive that, so they are written to sessionStorage (this tab only,
 * gone when it closes), read back once, validated, checked for age, and deleted.
 */
import { z } from 'zod';
import type { AuthorizationAttempt } from '../create-authorization-attempt.js';
import { PkceClientError } from '../errors/pkce-client-error.js';
import type { FlowLog } from '../flow-log/flow-step.js';
import { persistableFlowLog } from '../flow-log/flow-step.js';

/** How long an attempt may wait for its callback. */
export const PENDING_ATTEMPT_MAX_AGE_MS = 10 * 60 * 1000;

/** What is kept across the redirect. */
export interface PendingAttemptRecord {
  readonly attempt: AuthorizationAttempt;
  readonly log: FlowLog;
}

const fieldSchema = z.object({
  label: z.string(),
  value: z.string(),
  sensitivity: z.enum(['plain', 'secret', 'token']),
});

const recordSchema = z.object({
  attempt: z.object({
    issuer: z.string(),
    clientId: z.string(),
    redirectUri: z.string(),
    scope: z.string(),
    resource: z.string().optional(),
    codeVerifier: z.string().regex(/^[A-Za-z0-9\-._~]{43,128}$/),
    codeChallenge: z.string().min(43),
    codeChallengeMethod: z.literal('S256'),
    state: z.string().min(1),
    nonce: z.string().min(1),
    createdAt: z.number(),
  }),
  log: z.array(
    z.object({
      id: z.string(),
      at: z.number(),
      kind: z.string(),
      title: z.string(),
      explanation: z.string(),
      outcome: z.enum(['info', 'ok', 'refused']),
      fields: z.array(fieldSchema),
    }),
  ),
});

/**
 * Serialises a pending attempt for sessionStorage (token values in the log masked for good).
 *
 * @example
 * sessionStorage.setItem(KEY, serialisePendingAttempt({ attempt, log }));
 */
export function serialisePendingAttempt(record: PendingAttemptRecord): string {
  return JSON.stringify({ attempt: record.attempt, log: persistableFlowLog(record.log) });
}

/**
 * Parses and checks a stored pending attempt: `no_pending_attempt` if absent or malformed,
 * `pending_attempt_expired` if older than `maxAgeMs`.
 *
 * @example
 * const { attempt, log } = parsePendingAttempt(sessionStorage.getItem(KEY), Date.now());
 */
export function parsePendingAttempt(
  text: string | null,
  now: number,
  maxAgeMs = PENDING_ATTEMPT_MAX_AGE_MS,
): PendingAttemptRecord {
  if (text === null) throw new PkceClientError('no_pending_attempt');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PkceClientError('no_pending_attempt', 'stored attempt is not JSON');
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success)
    throw new PkceClientError('no_pending_attempt', 'stored attempt is malformed');
  const { attempt, log } = parsed.data;
  if (now - attempt.createdAt > maxAgeMs) throw new PkceClientError('pending_attempt_expired');
  return {
    attempt: Object.freeze({ ...attempt, resource: attempt.resource }),
    log: log as FlowLog,
  };
}
