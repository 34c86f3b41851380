/**
 * Starts the API: validate config (exit 1 with a clear message if wrong), migrate the database,
 * listen; on SIGTERM/SIGINT stop accepting connections, finish in-flight requests, disconnect.
 */
import { migrateDatabase } from '@oauth-ref/db';
import { ApiConfigError, loadApiConfig, type ApiConfig } from './config/api-config.js';
import { createApiApp } from './create-api-app.js';

async function main(): Promise<void> {
  let config: ApiConfig;
  try {
    config = loadApiConfig();
  } catch (error) {
    if (error instanceof ApiConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await migrateDatabase(config.databaseUrl);
  const app = await createApiApp(config);
  await app.listen(config.port, config.host ?? '::');
  console.warn(`api listening on ${config.publicUrl} (port ${config.port}); docs at /docs`);
}

main().catch((error: unknown) => {
  console.error('api failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
