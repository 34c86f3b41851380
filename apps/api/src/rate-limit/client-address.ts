/**
 * The client address used for the per-address budget: the socket's peer address (Fastify and
 * Express are created with `trustProxy: false`, so a client cannot choose it with
 * X-Forwarded-For). Behind a proxy, configure the adapter's trust of that proxy instead.
 */
interface AddressedRequest {
  ip?: string;
  socket?: { remoteAddress?: string };
  raw?: { socket?: { remoteAddress?: string } };
}

/**
 * The request's peer address.
 *
 * @example
 * clientAddress(request); // '127.0.0.1'
 */
export function clientAddress(request: AddressedRequest): string {
  return (
    request.ip ?? request.socket?.remoteAddress ?? request.raw?.socket?.remoteAddress ?? 'unknown'
  );
}
