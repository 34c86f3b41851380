/**
 * Reads and writes FlowEvent rows: the store behind `@oauth-ref/web-auth`'s `FlowRecorder`, plus
 * the query the home page and the inspector read. Details are JSON text built only from the
 * shapes in flow-event-types.ts.
 */
import type { PrismaClient } from '@oauth-ref/db';
import type { FlowRecorder } from '@oauth-ref/web-auth';
import type { FlowDetail, FlowStep } from './flow-event-types';

export interface FlowEventView {
  readonly id: string;
  readonly flowId: string;
  readonly step: FlowStep;
  readonly detail: FlowDetail;
  readonly createdAt: Date;
}

export interface FlowEventStore extends FlowRecorder {
  /** The user's latest sign-in flow and every refresh, API call and sign-out since it, oldest first. */
  latestForUser(userId: string): Promise<FlowEventView[]>;
  /**
   * The events of the session a sign-out ended, found by that sign-out's flow id (which only the
   * browser that signed out can name: see `signOutFlowId`); empty when there is none.
   */
  endedSession(signOutFlowId: string): Promise<FlowEventView[]>;
}

/**
 * @example
 * const flows = createFlowEventStore(prisma);
 * await flows.record({ userId, flowId: 'refresh', step: 'refresh', detail });
 */
export function createFlowEventStore(prisma: PrismaClient): FlowEventStore {
  const toView = (row: {
    id: string;
    flowId: string;
    step: string;
    detail: string;
    createdAt: Date;
  }): FlowEventView => ({
    id: row.id,
    flowId: row.flowId,
    step: row.step as FlowStep,
    detail: JSON.parse(row.detail) as FlowDetail,
    createdAt: row.createdAt,
  });
  /** The sign-in flow that started the session (the latest one up to `until`), and what followed. */
  const sessionEvents = async (userId: string, until: Date | undefined) => {
    const atMost = until === undefined ? {} : { createdAt: { lte: until } };
    const lastSignIn = await prisma.flowEvent.findFirst({
      where: { userId, step: 'token_response', ...atMost },
      orderBy: { createdAt: 'desc' },
    });
    if (lastSignIn === null) return [];
    const since = { gte: lastSignIn.createdAt, ...(until === undefined ? {} : { lte: until }) };
    const rows = await prisma.flowEvent.findMany({
      where: {
        userId,
        OR: [
          { flowId: lastSignIn.flowId },
          { flowId: { in: ['refresh', 'api'] }, createdAt: since },
          { step: 'sign_out', createdAt: since },
        ],
      },
      orderBy: { createdAt: 'asc' },
      take: 200,
    });
    return rows.map(toView);
  };
  return {
    async record({ userId, flowId, step, detail }) {
      await prisma.flowEvent.create({
        data: { userId, flowId, step, detail: JSON.stringify(detail) },
      });
    },
    async claim(flowId, userId) {
      await prisma.flowEvent.updateMany({ where: { flowId, userId: null }, data: { userId } });
    },
    latestForUser: (userId) => sessionEvents(userId, undefined),
    async endedSession(signOutFlowId) {
      const signOut = await prisma.flowEvent.findFirst({
        where: { flowId: signOutFlowId, step: 'sign_out' },
      });
      if (signOut === null || signOut.userId === null) return [];
      // that session only: a later sign-in of the same user is not this browser's to see
      return sessionEvents(signOut.userId, signOut.createdAt);
    },
  };
}
