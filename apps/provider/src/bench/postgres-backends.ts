/**
 * The CPU time PostgreSQL spends for a benchmark's server: its backend processes, read from /proc.
 */
import { createPrismaClient } from '@oauth-ref/db';
import { cpuSecondsOf } from './processes.js';

function cpuOrZero(pid: number): number {
  try {
    return cpuSecondsOf(pid);
  } catch {
    return 0; // the backend ended (pool idle timeout)
  }
}

export interface PostgresBackends {
  /** Starts a reading; its `stop()` gives the CPU seconds those backends used meanwhile. */
  start(): Promise<{ stop(): Promise<number> }>;
  dispose(): Promise<void>;
}

/**
 * The PostgreSQL backends serving the schema of `databaseUrl` (Prisma qualifies every table name
 * with it), found in `pg_stat_activity` by their last statement; this reader's own connection is
 * left out. The database server must run on this machine: their CPU is read from /proc.
 */
export async function postgresBackends(databaseUrl: string): Promise<PostgresBackends> {
  const schema = new URL(databaseUrl).searchParams.get('schema') ?? 'public';
  const prisma = createPrismaClient(databaseUrl);
  const pids = async (): Promise<number[]> => {
    const rows: { pid: number }[] = await prisma.$queryRawUnsafe(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() ' +
        'AND pid <> pg_backend_pid() AND position($1 in query) > 0',
      `"${schema}".`,
    );
    return rows.map((row) => Number(row.pid));
  };
  return {
    async start(): Promise<{ stop(): Promise<number> }> {
      const before = new Map((await pids()).map((pid) => [pid, cpuOrZero(pid)]));
      return {
        async stop() {
          const after = new Set([...before.keys(), ...(await pids())]);
          // A backend that appeared meanwhile counts whole (its connection set-up included).
          // One that ended meanwhile (pool idle timeout) counts nothing: /proc no longer has it.
          return [...after].reduce(
            (sum, pid) => sum + Math.max(0, cpuOrZero(pid) - (before.get(pid) ?? 0)),
            0,
          );
        },
      };
    },
    dispose: () => prisma.$disconnect(),
  };
}
