/**
 * The security events this library emits. The app decides where they go (and scrubs them: a
 * reason may quote a provider's error text).
 */

/**
 * @example
 * const event: WebAuthSecurityEvent = 'signin.failed';
 */
export type WebAuthSecurityEvent =
  | 'signin.succeeded'
  | 'signin.failed'
  | 'redirect.blocked'
  | 'refresh.succeeded'
  | 'refresh.rejected';

/**
 * @example
 * const log: SecurityLog = (event, fields) => console.warn(JSON.stringify({ event, ...fields }));
 */
export type SecurityLog = (event: WebAuthSecurityEvent, fields: Record<string, unknown>) => void;
