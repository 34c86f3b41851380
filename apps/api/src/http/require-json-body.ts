/**
 * Write routes take JSON only (issue 12 item 7): a POST, PUT or PATCH whose Content-Type is not
 * `application/json` (parameters such as `charset` allowed) is answered 415 before any parsing,
 * routing or authentication. Form and text bodies are CORS "simple requests" a foreign page can
 * send without a preflight, and each extra parser widens the surface; refusing them keeps every
 * cross-origin write behind a preflight that the CORS policy answers.
 */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** The 415 body, serialised once. */
export const UNSUPPORTED_MEDIA_TYPE_BODY = JSON.stringify({
  error: 'unsupported_media_type',
  error_description: 'Write requests must send a JSON body with Content-Type: application/json',
  code: 'content_type_not_json',
});

/**
 * Whether a request is a write without a JSON content type (→ 415).
 *
 * @example
 * isNonJsonWrite('POST', 'application/x-www-form-urlencoded'); // true
 * isNonJsonWrite('POST', 'application/json; charset=utf-8'); // false
 * isNonJsonWrite('GET', undefined); // false
 */
export function isNonJsonWrite(
  method: string | undefined,
  contentType: string | undefined,
): boolean {
  if (method === undefined || !WRITE_METHODS.has(method)) return false;
  if (contentType === undefined) return true;
  const semicolon = contentType.indexOf(';');
  const type = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim();
  return type.toLowerCase() !== 'application/json';
}
