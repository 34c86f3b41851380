/**
 * Starts a real provider in-process on an ephemeral port against a fresh, migrated test database
 * (SQLite or PostgreSQL), seeded with the demo users and clients.
 */
import { createTestDatabase, type TestDatabase } from '@oauth-ref/db/testing';
import type { DatabaseProvider } from '@oauth-ref/db';
import { startProviderApp, type ProviderApp } from '../app.js';
import { loadConfig, type ProviderConfig } from '../config/config.js';
import { Writable } from 'node:stream';
import { createLogger, type LogLevel, type Logger } from '../logging/logger.js';
import { seedProvider } from '../seed/seed-provider.js';
import { freePort } from './free-port.js';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestProvider {
  readonly app: ProviderApp;
  readonly config: ProviderConfig;
  readonly db: TestDatabase;
  readonly issuer: string;
  readonly logs: string[];
  stop(): Promise<void>;
}

export interface TestProviderOptions {
  readonly database?: DatabaseProvider;
  readonly env?: Record<string, string>;
  /** Reuse an existing database (a second instance); it is then not disposed by `stop`. */
  readonly db?: TestDatabase;
  readonly logLevel?: LogLevel;
}

export async function startTestProvider(options: TestProviderOptions = {}): Promise<TestProvider> {
  const ownsDb = !options.db;
  const db = options.db ?? (await createTestDatabase(options.database ?? 'sqlite'));
  if (ownsDb) await seedProvider(db.prisma);
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    OAUTH_ISSUER: issuer,
    DATABASE_URL: db.url,
    // Tests are where the stack turns demo mode and the admin API on (the provider's default: off).
    DEMO_MODE: 'true',
    PROVIDER_ADMIN_API: 'on',
    PROVIDER_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    LOG_LEVEL: options.logLevel ?? 'debug',
    ...options.env,
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8').trimEnd());
      callback();
    },
  });
  const logger: Logger = createLogger(config.logLevel, destination);
  const app = await startProviderApp({ config, prisma: db.prisma, logger });
  return {
    app,
    config,
    db,
    issuer,
    logs,
    async stop() {
      await app.close();
      if (ownsDb) await db.dispose();
    },
  };
}
