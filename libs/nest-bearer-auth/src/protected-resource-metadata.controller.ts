/** Serves the RFC 9728 document at `/.well-known/oauth-protected-resource` (public, cacheable). */
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { BEARER_AUTH_OPTIONS } from './bearer-auth.constants.js';
import type { ResolvedBearerAuthOptions } from './bearer-auth-options.js';
import {
  buildProtectedResourceMetadata,
  type ProtectedResourceMetadata,
} from './build-protected-resource-metadata.js';

/** The path is computed from the resource identifier (RFC 9728 §3.1). */
export function protectedResourceMetadataController(
  path: string,
): new (...args: never[]) => unknown {
  @Controller()
  class ProtectedResourceMetadataController {
    private readonly document: ProtectedResourceMetadata;

    constructor(@Inject(BEARER_AUTH_OPTIONS) options: ResolvedBearerAuthOptions) {
      this.document = buildProtectedResourceMetadata(options);
    }

    @Get(path)
    @Header('Cache-Control', 'public, max-age=300')
    metadata(): ProtectedResourceMetadata {
      return this.document;
    }
  }
  return ProtectedResourceMetadataController;
}
