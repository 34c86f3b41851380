/**
 * Runs once when the server starts: validates the configuration then, so a production server with
 * a missing NEXTAUTH_SECRET or a malformed OAUTH_ISSUER stops at start-up (exit code 1) instead of
 * answering every request with a 500. `NEXT_RUNTIME` is a constant Next inlines per runtime (not
 * configuration); the check only runs in the Node.js server.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { validateConfigAtStartup } = await import('./src/config/validate-config-at-startup');
    await validateConfigAtStartup();
  }
}
