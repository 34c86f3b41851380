/** The caller's notes. Thin: one line per handler; rules in NotesService. User tokens only. */
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentPrincipal,
  RequirePrincipal,
  type AccessTokenPrincipal,
} from '@oauth-ref/nest-bearer-auth';
import { ZodPipe } from '../http/zod-body.pipe.js';
import { RequireScopes } from '../openapi/require-scopes.js';
import {
  CREATE_NOTE_SCHEMA,
  ERROR_SCHEMA,
  NOTE_PAGE_SCHEMA,
  NOTE_SCHEMA,
  UPDATE_NOTE_SCHEMA,
} from '../openapi/schemas.js';
import {
  createNoteSchema,
  listNotesQuerySchema,
  updateNoteSchema,
  type CreateNoteInput,
  type ListNotesQuery,
  type UpdateNoteInput,
} from './note-schemas.js';
import { NotesService, type NotePage, type NoteView } from './notes.service.js';

@ApiTags('notes')
@ApiNotFoundResponse({
  description: "No such note for this user (also for other users' notes)",
  schema: ERROR_SCHEMA,
})
@Controller('notes')
@RequirePrincipal('user')
export class NotesController {
  constructor(@Inject(NotesService) private readonly notes: NotesService) {}

  @Get()
  @RequireScopes('notes:read')
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  })
  @ApiQuery({ name: 'cursor', required: false, schema: { type: 'string' } })
  @ApiOkResponse({ schema: NOTE_PAGE_SCHEMA })
  list(
    @CurrentPrincipal() principal: AccessTokenPrincipal,
    @Query(new ZodPipe(listNotesQuerySchema)) query: ListNotesQuery,
  ): Promise<NotePage> {
    return this.notes.list(principal, query);
  }

  @Post()
  @RequireScopes('notes:write')
  @ApiBody({ schema: CREATE_NOTE_SCHEMA })
  @ApiCreatedResponse({ schema: NOTE_SCHEMA })
  create(
    @CurrentPrincipal() principal: AccessTokenPrincipal,
    @Body(new ZodPipe(createNoteSchema)) input: CreateNoteInput,
  ): Promise<NoteView> {
    return this.notes.create(principal, input);
  }

  @Get(':id')
  @RequireScopes('notes:read')
  @ApiOkResponse({ schema: NOTE_SCHEMA })
  get(
    @CurrentPrincipal() principal: AccessTokenPrincipal,
    @Param('id') id: string,
  ): Promise<NoteView> {
    return this.notes.get(principal, id);
  }

  @Patch(':id')
  @RequireScopes('notes:write')
  @ApiBody({ schema: UPDATE_NOTE_SCHEMA })
  @ApiOkResponse({ schema: NOTE_SCHEMA })
  update(
    @CurrentPrincipal() principal: AccessTokenPrincipal,
    @Param('id') id: string,
    @Body(new ZodPipe(updateNoteSchema)) input: UpdateNoteInput,
  ): Promise<NoteView> {
    return this.notes.update(principal, id, input);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScopes('notes:write')
  @ApiNoContentResponse()
  remove(
    @CurrentPrincipal() principal: AccessTokenPrincipal,
    @Param('id') id: string,
  ): Promise<void> {
    return this.notes.remove(principal, id);
  }
}
