/** One declaration of a handler's scopes drives the guard and the app's documentation alike. */
import 'reflect-metadata';
import { GUARDS_METADATA } from '@nestjs/common/constants.js';
import { describe, expect, it } from 'vitest';
import { REQUIRED_SCOPES_KEY } from './bearer-auth.constants.js';
import { BearerAuthGuard } from './bearer-auth.guard.js';
import { requireScopesDocumentedBy } from './require-scopes.decorator.js';

describe('requireScopesDocumentedBy', () => {
  it('enforces and documents the same scopes, written once', () => {
    const documented: (readonly string[])[] = [];
    const RequireScopes = requireScopesDocumentedBy((scopes) => {
      documented.push(scopes);
      return (() => undefined) as MethodDecorator & ClassDecorator;
    });
    class NotesController {
      @RequireScopes('notes:read', 'notes:write')
      list(): void {}
    }
    const handler = NotesController.prototype.list;
    expect(Reflect.getMetadata(REQUIRED_SCOPES_KEY, handler)).toEqual([
      'notes:read',
      'notes:write',
    ]);
    expect(Reflect.getMetadata(GUARDS_METADATA, handler)).toEqual([BearerAuthGuard]);
    expect(documented).toEqual([['notes:read', 'notes:write']]);
  });
});
