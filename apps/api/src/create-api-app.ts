/**
 * Builds the Nest application on the chosen HTTP adapter (Fastify by default: see the README's
 * benchmark) with CORS for the web and mobile origins only, security headers, JSON-only writes
 * (415 otherwise, `require-json-body.ts`), a 16 KiB JSON body limit, the OpenAPI UI and graceful shutdown hooks.
 *
 * The per-request hooks run on every call, so they are synchronous and allocate nothing on the
 * common path (precomputed header objects, no promise per hook): measured with `npm run bench:api`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream, Logger } from 'pino';
import { AppModule, type AppModuleOverrides } from './app.module.js';
import type { ApiConfig } from './config/api-config.js';
import { createCorsPolicy, type CorsPolicy } from './http/cors.js';
import { isNonJsonWrite, UNSUPPORTED_MEDIA_TYPE_BODY } from './http/require-json-body.js';
import { securityHeadersFor } from './http/security-headers.js';
import { createLogger, logRequest, pathOnly, PinoLoggerService } from './logging/create-logger.js';
import { setupOpenApi } from './openapi/setup-openapi.js';

export type HttpAdapterName = 'fastify' | 'express';

/** Largest accepted request body; larger ones are 413. */
export const BODY_LIMIT_BYTES = 16 * 1024;

export interface CreateApiAppOptions extends AppModuleOverrides {
  adapter?: HttpAdapterName;
  /** Write logs here instead of stdout (tests). */
  logDestination?: DestinationStream;
}

async function createFastifyApp(
  config: ApiConfig,
  options: CreateApiAppOptions,
  logger: Logger,
  policy: CorsPolicy,
): Promise<INestApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: false });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, options),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers(securityHeadersFor(pathOnly(request.url)));
    const cors = policy.decide(
      request.headers.origin,
      request.method,
      request.headers['access-control-request-method'] as string | undefined,
    );
    reply.headers(cors.headers);
    // a preflight is answered here, before routing, rate limiting and authentication
    if (cors.preflight) reply.code(204).header('content-length', '0').send();
    else if (isNonJsonWrite(request.method, request.headers['content-type']))
      reply
        .code(415)
        .header('content-type', 'application/json; charset=utf-8')
        .send(UNSUPPORTED_MEDIA_TYPE_BODY);
    else done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    logRequest(logger, request.method, request.url, reply.statusCode, reply.elapsedTime);
    done();
  });
  // JSON only: a text/plain body is 415, not a string handed to the validation
  fastify.removeContentTypeParser(['text/plain']);
  return app;
}

function setHeaders(response: ServerResponse, headers: Readonly<Record<string, string>>): void {
  for (const name in headers) response.setHeader(name, headers[name] as string);
}

async function createExpressApp(
  config: ApiConfig,
  options: CreateApiAppOptions,
  logger: Logger,
  policy: CorsPolicy,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(config, options),
    new ExpressAdapter(),
    {
      bufferLogs: true,
      abortOnError: false,
      bodyParser: false,
    },
  );
  app.disable('x-powered-by');
  app.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
    setHeaders(response, securityHeadersFor(pathOnly(request.url)));
    const cors = policy.decide(
      request.headers.origin,
      request.method,
      request.headers['access-control-request-method'],
    );
    setHeaders(response, cors.headers);
    if (cors.preflight) {
      response.statusCode = 204;
      response.setHeader('content-length', '0');
      response.end();
      return;
    }
    if (isNonJsonWrite(request.method, request.headers['content-type'])) {
      response.statusCode = 415;
      response.setHeader('content-type', 'application/json; charset=utf-8');
      response.end(UNSUPPORTED_MEDIA_TYPE_BODY);
      return;
    }
    const started = performance.now();
    response.once('finish', () =>
      logRequest(
        logger,
        request.method,
        request.url,
        response.statusCode,
        performance.now() - started,
      ),
    );
    next();
  });
  app.useBodyParser('json', { limit: BODY_LIMIT_BYTES });
  return app;
}

/**
 * Creates (and initialises) the API application; call `listen` on it.
 *
 * @example
 * const app = await createApiApp(loadApiConfig());
 * await app.listen(3333);
 */
export async function createApiApp(
  config: ApiConfig,
  options: CreateApiAppOptions = {},
): Promise<INestApplication> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const policy = createCorsPolicy(config.corsOrigins);
  const app =
    options.adapter === 'express'
      ? await createExpressApp(config, options, logger, policy)
      : await createFastifyApp(config, options, logger, policy);
  app.useLogger(new PinoLoggerService(logger));
  app.enableShutdownHooks();
  setupOpenApi(app, config);
  await app.init();
  return app;
}
