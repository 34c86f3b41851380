/**
 * Logs the engine's events by name and error class only: never a code, token, secret, verifier or
 * request body (the engine's error objects carry descriptions, not parameters).
 */
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { Logger } from '../logging/logger.js';

const ERROR_EVENTS = [
  'authorization.error',
  'backchannel.error',
  'jwks.error',
  'check_session_origin.error',
  'check_session.error',
  'discovery.error',
  'end_session.error',
  'grant.error',
  'introspection.error',
  'pushed_authorization_request.error',
  'registration_create.error',
  'registration_read.error',
  'revocation.error',
  'userinfo.error',
  'code_verification.error',
  'device_authorization.error',
] as const;

function clientOf(ctx: KoaContextWithOIDC | undefined): string | undefined {
  return ctx?.oidc?.client?.clientId;
}

export function attachEngineEvents(provider: Provider, logger: Logger): void {
  provider.on('server_error', (ctx: KoaContextWithOIDC, error: unknown) => {
    logger.error({ err: error, client_id: clientOf(ctx), path: ctx?.path }, 'engine server_error');
  });
  for (const event of ERROR_EVENTS) {
    (
      provider.on as (
        name: string,
        listener: (ctx: KoaContextWithOIDC, error: unknown) => void,
      ) => void
    )(event, (ctx, error) => {
      logger.warn({ err: error, client_id: clientOf(ctx) }, event);
    });
  }
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    logger.info(
      { grant_type: ctx.oidc?.params?.grant_type, client_id: clientOf(ctx) },
      'grant.success',
    );
  });
  provider.on('grant.revoked', (ctx: KoaContextWithOIDC) => {
    logger.warn({ client_id: clientOf(ctx) }, 'grant.revoked');
  });
}
