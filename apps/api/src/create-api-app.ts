/**
 * Builds the Nest application on the chosen HTTP adapter (Fastify by default: see the README's
 * benchmark) with CORS for the web and mobile origins only, security headers, a 16 KiB JSON
 * body limit, the OpenAPI UI and graceful shutdown hooks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream, Logger } from 'pino';
import { AppModule, type AppModuleOverrides } from './app.module.js';
import type { ApiConfig } from './config/api-config.js';
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

const CORS = (origins: readonly string[]) => ({
  origin: [...origins],
  methods: ['GET', 'POST', 'PATCH', 'DELETE'],
  allowedHeaders: ['Authorization', 'Content-Type'],
  exposedHeaders: ['WWW-Authenticate', 'Retry-After'],
  credentials: false,
  maxAge: 600,
});

async function createFastifyApp(
  config: ApiConfig,
  options: CreateApiAppOptions,
  logger: Logger,
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
  fastify.addHook('onResponse', async (request, reply) => {
    logRequest(logger, request.method, request.url, reply.statusCode, reply.elapsedTime);
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    reply.headers(securityHeadersFor(pathOnly(request.url), reply.hasHeader('cache-control')));
    return payload;
  });
  // JSON only: a text/plain body is 415, not a string handed to the validation
  fastify.removeContentTypeParser(['text/plain']);
  app.enableCors(CORS(config.corsOrigins));
  return app;
}

async function createExpressApp(
  config: ApiConfig,
  options: CreateApiAppOptions,
  logger: Logger,
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
    const original = response.writeHead.bind(response);
    response.writeHead = ((...args: Parameters<ServerResponse['writeHead']>) => {
      for (const [name, value] of Object.entries(
        securityHeadersFor(pathOnly(request.url), response.hasHeader('cache-control')),
      )) {
        response.setHeader(name, value);
      }
      return original(...args);
    }) as ServerResponse['writeHead'];
    next();
  });
  app.useBodyParser('json', { limit: BODY_LIMIT_BYTES });
  app.enableCors(CORS(config.corsOrigins));
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
  const app =
    options.adapter === 'express'
      ? await createExpressApp(config, options, logger)
      : await createFastifyApp(config, options, logger);
  app.useLogger(new PinoLoggerService(logger));
  app.enableShutdownHooks();
  setupOpenApi(app, config);
  await app.init();
  return app;
}
