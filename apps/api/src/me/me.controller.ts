/** GET /me: what the API sees in the caller's access token (any valid token). */
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type AccessTokenPrincipal } from '@oauth-ref/nest-bearer-auth';
import { RequireScopes } from '../openapi/require-scopes.js';
import { describeCaller, type CallerView } from './describe-caller.js';

@ApiTags('me')
@Controller('me')
export class MeController {
  @Get()
  @RequireScopes()
  @ApiOperation({ summary: 'The caller as the API sees it: subject, client, scopes, token expiry' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        sub: { type: 'string' },
        client_id: { type: 'string' },
        iss: { type: 'string' },
        kind: { type: 'string', enum: ['user', 'machine'] },
        scopes: { type: 'array', items: { type: 'string' } },
        expires_at: { type: 'string', format: 'date-time' },
        expires_in: { type: 'integer' },
      },
    },
  })
  me(@CurrentPrincipal() principal: AccessTokenPrincipal): CallerView {
    return describeCaller(principal, Date.now());
  }
}
