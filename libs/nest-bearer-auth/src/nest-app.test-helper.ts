/** Builds a small Nest app (Fastify, injected requests) guarded by the module under test. */
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AccessTokenPrincipal } from './access-token-principal.js';
import { BearerAuthModule } from './bearer-auth.module.js';
import type { BearerAuthOptions } from './bearer-auth-options.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import { RequirePrincipal, RequireScopes } from './require-scopes.decorator.js';

@Controller()
class ProbeController {
  @Get('me')
  @RequireScopes()
  me(@CurrentPrincipal() principal: AccessTokenPrincipal) {
    return {
      sub: principal.subject,
      client_id: principal.clientId,
      scopes: principal.scopes,
      kind: principal.kind,
    };
  }

  @Get('write')
  @RequireScopes('notes:write')
  @RequirePrincipal('user')
  write() {
    return { ok: true };
  }

  @Get('machine')
  @RequireScopes('notes:stats')
  @RequirePrincipal('machine')
  machine() {
    return { ok: true };
  }

  @Get('public')
  open() {
    return { ok: true };
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  request(
    path: string,
    headers?: Record<string, string | string[]>,
    method?: 'GET' | 'POST',
    body?: string,
  ): Promise<{
    status: number;
    headers: Record<string, string | string[] | number | undefined>;
    body: Record<string, unknown>;
  }>;
  close(): Promise<void>;
}

/** Starts the probe app with `BearerAuthModule.forRoot(options)`. */
export async function createTestApp(options: BearerAuthOptions): Promise<TestApp> {
  @Module({ imports: [BearerAuthModule.forRoot(options)], controllers: [ProbeController] })
  class ProbeModule {}
  const app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), {
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    async request(path, headers = {}, method = 'GET', body) {
      const response = await app.inject({
        method,
        url: path,
        headers,
        ...(body !== undefined ? { payload: body } : {}),
      });
      let parsed: Record<string, unknown> = {};
      try {
        parsed = JSON.parse(response.body) as Record<string, unknown>;
      } catch {
        parsed = { raw: response.body };
      }
      return { status: response.statusCode, headers: response.headers, body: parsed };
    },
    close: () => (app as INestApplication).close(),
  };
}
