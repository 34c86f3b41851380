// The rule both service probes follow (postgres-availability.ts, redis-availability.ts): a server a
// suite needs but cannot reach makes the suite skip with the reason, never pass silently, unless
// the run requires that server (REQUIRE_POSTGRES=1, REQUIRE_REDIS=1: CI), where it is a failure.

/**
 * The skip reason for `service` unreachable at `url`; throws instead when `requireEnv` is `1`.
 *
 * @example
 * catch (error) { return unreachableUnlessRequired('Redis', url, error, 'REQUIRE_REDIS'); }
 */
export function unreachableUnlessRequired(
  service: string,
  url: string,
  error: unknown,
  requireEnv: string,
): string {
  const reason = `${service} unreachable at ${new URL(url).host}: ${error instanceof Error ? error.message : String(error)}`;
  if (process.env[requireEnv] === '1') {
    throw new Error(`${reason} (${requireEnv}=1 makes this a failure)`, { cause: error });
  }
  return reason;
}
