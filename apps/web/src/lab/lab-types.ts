/**
 * The attack lab's model: an attack is one named run against the real provider and API; its report
 * lists every exchange the attacker made (request as sent, response as received), and the outcome.
 * Nothing here is canned: reports are built from live HTTP exchanges (or, for the client-side
 * checks, from the check code the web client runs on a real authorization response).
 */

/** `refused`: the stack said no, as it must. `accepted`: the attack worked (a failure of ours). */
export type AttackOutcome = 'refused' | 'accepted' | 'error';

/** A JWT shown decoded (header and payload), never verified here. */
export interface DecodedToken {
  readonly label: string;
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  /** Secrets masked (client secret, password); tokens shortened. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly tokens: readonly DecodedToken[];
}

export interface RecordedResponse {
  readonly status: number;
  readonly error?: string;
  readonly errorDescription?: string;
  readonly wwwAuthenticate?: string;
  readonly location?: string;
  readonly retryAfter?: string;
  /** A short excerpt of the body (JSON or text), tokens shortened. */
  readonly body?: string;
}

/** One step of a run: an HTTP exchange, or a check the web client ran on its own. */
export interface LabStep {
  /** Who did it and why, e.g. "Attacker redeems the same code again". */
  readonly title: string;
  /** `control`: the legitimate step that proves the material was good; `attack`: the attempt. */
  readonly role: 'setup' | 'control' | 'attack' | 'after';
  readonly request?: RecordedRequest;
  readonly response?: RecordedResponse;
  /** For client-side checks: what the check said (error text), or other plain observations. */
  readonly note?: string;
  /** For attack steps: whether this step was refused. */
  readonly refused?: boolean;
}

export interface AttackReport {
  readonly outcome: AttackOutcome;
  /** One sentence: what happened. */
  readonly summary: string;
  readonly steps: readonly LabStep[];
  readonly cleanup: readonly string[];
  readonly durationMs: number;
}

/** The rule an attack breaks, and where this repository enforces and tests it. */
export interface AttackRule {
  readonly spec: string;
  readonly section: string;
  readonly href: string;
  readonly text: string;
}

export interface AttackDefinition {
  readonly id: string;
  readonly title: string;
  /** What the attacker tries, in one or two sentences. */
  readonly threat: string;
  readonly rules: readonly AttackRule[];
  /** Repository-relative paths of the code that refuses it. */
  readonly enforcedBy: readonly string[];
  /** Repository-relative paths of the tests that pin the refusal down. */
  readonly testedBy: readonly string[];
  /** Runs the attack; records its steps on the recorder. Returns the outcome and a summary. */
  readonly run: (lab: import('./lab-context').LabContext) => Promise<AttackVerdict>;
}

export interface AttackVerdict {
  readonly outcome: AttackOutcome;
  readonly summary: string;
}
