/** GET /health (liveness, no dependencies) and GET /health/ready (database and JWKS reachable). */
import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { JwksClient } from '@oauth-ref/nest-bearer-auth';
import { SkipRateLimit } from '../rate-limit/anonymous-rate-limit.guard.js';
import { NotesRepository } from '../notes/notes.repository.js';

export interface ReadinessView {
  readonly status: 'ready' | 'not_ready';
  readonly checks: { readonly database: 'up' | 'down'; readonly jwks: 'up' | 'stale' | 'down' };
}

@ApiTags('health')
@SkipRateLimit()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(NotesRepository) private readonly notes: NotesRepository,
    @Inject(JwksClient) private readonly jwks: JwksClient,
  ) {}

  @Get()
  @HttpCode(200)
  @ApiOkResponse({
    schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } },
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'Database reachable and the issuer keys loaded' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; body says which' })
  async ready(): Promise<ReadinessView> {
    const [database, jwks] = await Promise.all([
      this.notes.ping().then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      this.jwksState(),
    ]);
    // keys cached but the last refresh failed ("stale") still serves tokens: staying ready keeps
    // an identity-provider blip from taking every API instance out of the load balancer
    const view: ReadinessView = {
      status: database === 'up' && jwks !== 'down' ? 'ready' : 'not_ready',
      checks: { database, jwks },
    };
    if (view.status !== 'ready') {
      throw new ServiceUnavailableException({
        error: 'temporarily_unavailable',
        error_description: 'A dependency is not reachable',
        ...view,
      });
    }
    return view;
  }

  private async jwksState(): Promise<'up' | 'stale' | 'down'> {
    const fresh = await this.jwks.ready();
    if (fresh) return 'up';
    return this.jwks.status().keyCount > 0 ? 'stale' : 'down';
  }
}
