/**
 * Carries the current sign-in's flow id from the route wrapper into next-auth's events and
 * logger, which run inside the same request, and collects the outcome on the way back.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface FlowContext {
  readonly flowId: string;
  /** Set by the signIn event when the callback succeeded. */
  userId?: string;
  /** Set by next-auth's logger when something failed (already scrubbed of tokens). */
  lastError?: string;
}

export const flowContext = new AsyncLocalStorage<FlowContext>();
