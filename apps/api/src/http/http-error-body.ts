/**
 * The JSON error body of the API: `{ error, error_description, code? , details? }`, the same
 * shape as OAuth errors (RFC 6749 §5.2 / RFC 6750 §3) so clients handle one format.
 */
export interface HttpErrorBody {
  readonly error: string;
  readonly error_description: string;
  readonly code?: string;
  readonly details?: readonly { path: string; message: string }[];
}

const NAMES: Readonly<Record<number, string>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_request',
  429: 'too_many_requests',
  503: 'temporarily_unavailable',
};

/**
 * The `error` name for an HTTP status.
 *
 * @example
 * errorNameForStatus(413); // 'payload_too_large'
 */
export function errorNameForStatus(status: number): string {
  return NAMES[status] ?? (status >= 500 ? 'server_error' : 'invalid_request');
}
