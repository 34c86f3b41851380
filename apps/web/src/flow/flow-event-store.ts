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
  /** The user's latest sign-in flow and every refresh and API call since it, oldest first. */
  latestForUser(userId: string): Promise<FlowEventView[]>;
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
  return {
    async record({ userId, flowId, step, detail }) {
      await prisma.flowEvent.create({
        data: { userId, flowId, step, detail: JSON.stringify(detail) },
      });
    },
    async claim(flowId, userId) {
      await prisma.flowEvent.updateMany({ where: { flowId, userId: null }, data: { userId } });
    },
    async latestForUser(userId) {
      const lastSignIn = await prisma.flowEvent.findFirst({
        where: { userId, step: 'token_response' },
        orderBy: { createdAt: 'desc' },
      });
      if (lastSignIn === null) return [];
      const rows = await prisma.flowEvent.findMany({
        where: {
          userId,
          OR: [
            { flowId: lastSignIn.flowId },
            { flowId: { in: ['refresh', 'api'] }, createdAt: { gte: lastSignIn.createdAt } },
          ],
        },
        orderBy: { createdAt: 'asc' },
        take: 200,
      });
      return rows.map(toView);
    },
  };
}
