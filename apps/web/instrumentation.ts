/**
 * Runs once when the server starts: validates the configuration then, so a production server with
 * a missing NEXTAUTH_SECRET or a malformed OAUTH_ISSUER stops at start-up (exit code 1) instead of
 * answering every request with a 500.
 */
export async function register(): Promise<void> {
  try {
    await import('./src/config/config');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
