/**
 * fetch() rejects (instead of resolving with a Response) only when no HTTP answer arrived: the
 * server is down or unreachable, DNS or TLS failed, or the browser withheld a cross-origin answer
 * its CORS rules did not allow. Browsers word it differently ("Failed to fetch", "NetworkError when
 * attempting to fetch resource.", "Load failed"; React Native: "Network request failed") but all
 * reject with a plain TypeError. oauth4webapi's own argument errors are TypeErrors too, with a
 * `code` (ERR_INVALID_ARG_TYPE…), and a programming error ("x is not a function") is a TypeError
 * too: neither is a network failure, so the message must also be one of fetch's.
 */

/**
 * Whether an error thrown by fetch (directly or through oauth4webapi) means "no HTTP response".
 *
 * @example
 * try { await fetch(url); } catch (error) { if (isNetworkFailure(error)) showUnreachable(url); }
 */
export function isNetworkFailure(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    !('code' in error) &&
    /fetch|network|load failed/i.test(error.message)
  );
}
