/** The API's root module, built from the validated config. */
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { createPrismaClient, type PrismaClient } from '@oauth-ref/db';
import { BearerAuthModule, machineRules } from '@oauth-ref/nest-bearer-auth';
import { API_SCOPES } from '@oauth-ref/scopes';
import { API_CONFIG, type ApiConfig } from './config/api-config.js';
import { PRISMA, PrismaLifecycle, SHARED_STORES } from './database/prisma.provider.js';
import { HealthController } from './health/health.controller.js';
import { AllExceptionsFilter } from './http/all-exceptions.filter.js';
import { MeController } from './me/me.controller.js';
import { NotesController } from './notes/notes.controller.js';
import { NotesRepository } from './notes/notes.repository.js';
import { NotesService } from './notes/notes.service.js';
import { StatsController } from './notes/stats.controller.js';
import { AnonymousRateLimitGuard } from './rate-limit/anonymous-rate-limit.guard.js';
import { AuthenticatedRateLimitInterceptor } from './rate-limit/authenticated-rate-limit.interceptor.js';
import { RATE_LIMITERS } from './rate-limit/create-rate-limiters.js';
import { createSharedStores } from './shared-store/create-shared-stores.js';

export interface AppModuleOverrides {
  /** Use this client instead of creating one from DATABASE_URL (tests). */
  prisma?: PrismaClient;
}

@Module({})
export class AppModule {
  static register(config: ApiConfig, overrides: AppModuleOverrides = {}): DynamicModule {
    // created here, not in a factory: the bearer module's DPoP replay store needs them
    const prisma = overrides.prisma ?? createPrismaClient(config.databaseUrl);
    const stores = createSharedStores(config, prisma);
    const providers: Provider[] = [
      { provide: API_CONFIG, useValue: config },
      { provide: PRISMA, useValue: prisma },
      { provide: SHARED_STORES, useValue: stores },
      { provide: RATE_LIMITERS, useValue: stores.rateLimiters },
      PrismaLifecycle,
      NotesRepository,
      NotesService,
      { provide: APP_GUARD, useClass: AnonymousRateLimitGuard },
      { provide: APP_INTERCEPTOR, useClass: AuthenticatedRateLimitInterceptor },
      { provide: APP_FILTER, useClass: AllExceptionsFilter },
    ];
    return {
      module: AppModule,
      imports: [
        BearerAuthModule.forRoot({
          issuer: config.issuer,
          audience: config.audience,
          // RFC 9728 resource: the API's URL (differs from the audience for e.g. Entra's api://…)
          resource: config.publicUrl,
          // how the provider's access tokens are shaped (OAUTH_TOKEN_PROFILE, OAUTH_*_CLAIM(S),
          // OAUTH_MACHINE_RULE); the defaults are RFC 9068's, i.e. the bundled provider's
          tokenProfile: config.tokens.profile,
          clientIdClaims: config.tokens.clientIdClaims,
          scopeClaim: config.tokens.scopeClaim,
          principalKind: machineRules[config.tokens.machineRule],
          ...(config.jwksUri !== undefined ? { jwksUri: config.jwksUri } : {}),
          jwksMaxAgeMs: config.jwks.maxAgeSeconds * 1000,
          jwksCooldownMs: config.jwks.cooldownSeconds * 1000,
          scopesSupported: [...API_SCOPES],
          resourceName: 'oauth-reference notes API',
          resourceDocumentation: `${config.publicUrl.replace(/\/$/, '')}/docs`,
          // the app's one filter writes every error, bearer errors through the lib's mapping
          registerExceptionFilter: false,
          // RFC 9449: htu is built from the public URL; jti replay shared by every instance
          dpop: {
            required: config.dpop.required,
            proofMaxAgeSeconds: config.dpop.proofMaxAgeSeconds,
            publicUrl: config.publicUrl,
            replayStore: stores.replayStore,
          },
        }),
      ],
      controllers: [HealthController, MeController, NotesController, StatsController],
      providers,
    };
  }
}
