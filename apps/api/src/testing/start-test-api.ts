/**
 * Test harness: a local test issuer, a fresh migrated database, and the API on an ephemeral
 * port of 127.0.0.1 with logs captured in memory. Tests talk to it over real HTTP.
 */
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { TestDatabase } from '@oauth-ref/db/testing';
import { startTestIssuer, type TestIssuer } from '@oauth-ref/nest-bearer-auth/testing';
import { parseApiConfig } from '../config/api-config.js';
import { createApiApp, type HttpAdapterName } from '../create-api-app.js';

export const AUDIENCE = 'http://localhost:3333';

export interface TestApi {
  readonly url: string;
  readonly issuer: TestIssuer;
  readonly app: INestApplication;
  /** Every log line written so far. */
  readonly logs: string[];
  fetch(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  close(): Promise<void>;
}

export interface StartTestApiOptions {
  database: TestDatabase;
  adapter?: HttpAdapterName;
  env?: Record<string, string>;
  issuer?: TestIssuer;
}

/** Starts the API against `database` and a (new or given) test issuer. */
export async function startTestApi(options: StartTestApiOptions): Promise<TestApi> {
  const issuer = options.issuer ?? (await startTestIssuer({ audience: AUDIENCE }));
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line.length > 0),
      );
      callback();
    },
  });
  const config = parseApiConfig({
    OAUTH_ISSUER: issuer.issuer,
    OAUTH_AUDIENCE: AUDIENCE,
    DATABASE_URL: options.database.url,
    LOG_LEVEL: 'info',
    RATE_LIMIT_MAX: '100000',
    RATE_LIMIT_SUBJECT_MAX: '100000',
    RATE_LIMIT_CLIENT_MAX: '100000',
    RATE_LIMIT_WEB_CLIENT_MAX: '100000',
    ...options.env,
  });
  const app = await createApiApp(config, {
    adapter: options.adapter ?? 'fastify',
    prisma: options.database.prisma,
    logDestination: destination,
  });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    url,
    issuer,
    app,
    logs,
    fetch: (path, init = {}) => {
      const { token, headers, ...rest } = init;
      const merged = new Headers(headers);
      if (token !== undefined) merged.set('authorization', `Bearer ${token}`);
      return fetch(`${url}${path}`, { ...rest, headers: merged });
    },
    close: async () => {
      await app.close();
      if (options.issuer === undefined) await issuer.close();
    },
  };
}
