// Polls an HTTP endpoint until it answers below 500, the process dies, or time runs out.

/**
 * @param {string} url
 * @param {{ timeoutMs?: number, isAlive?: () => boolean }} [options]
 * @returns {Promise<void>}
 * @example
 * await waitForHttp('http://localhost:4000/health', { timeoutMs: 60_000 });
 */
export async function waitForHttp(url, options = {}) {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (options.isAlive && !options.isAlive())
      throw new Error(`${url}: the process exited before it was ready`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not ready in time (${lastError})`);
}
