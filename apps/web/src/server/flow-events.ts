import { signOutFlowId } from '../auth/logout/handle-logout';
import { getPrisma } from '../db/prisma';
import { createFlowEventStore, type FlowEventView } from '../flow/flow-event-store';

/** The current user's latest sign-in and refreshes, for the home page and the inspector. */
export async function loadFlowEvents(userId: string): Promise<FlowEventView[]> {
  return createFlowEventStore(await getPrisma()).latestForUser(userId);
}

/** The session a sign-out with this logout `state` ended (its sign-in, calls and the sign-out). */
export async function loadEndedSession(state: string): Promise<FlowEventView[]> {
  return createFlowEventStore(await getPrisma()).endedSession(signOutFlowId(state));
}
