/**
 * GET /stats: aggregate figures for a machine client (client credentials, scope notes:stats).
 * A user token is refused here even if it somehow carries notes:stats (RequirePrincipal).
 */
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePrincipal } from '@oauth-ref/nest-bearer-auth';
import { RequireScopes } from '../openapi/require-scopes.js';
import type { NoteStats } from './notes.repository.js';
import { NotesService } from './notes.service.js';

@ApiTags('machine')
@Controller('stats')
export class StatsController {
  constructor(@Inject(NotesService) private readonly notes: NotesService) {}

  @Get()
  @RequireScopes('notes:stats')
  @RequirePrincipal('machine')
  @ApiOperation({ summary: 'Aggregate note figures (client-credentials tokens only)' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        notes: { type: 'integer' },
        owners: { type: 'integer' },
        notesCreatedLast24Hours: { type: 'integer' },
      },
    },
  })
  stats(): Promise<NoteStats> {
    return this.notes.stats();
  }
}
