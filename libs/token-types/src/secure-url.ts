/**
 * RFC 8414 §2 / RFC 9728 §2 / OIDC Discovery §3: issuers, endpoints and resource identifiers are
 * absolute `https` URLs. The one exception, for local development, is plain `http` to a loopback
 * host (`localhost`, `127.0.0.1`, `[::1]`) as RFC 8252 §7.3 allows for native apps. URLs carrying
 * credentials (`https://user:pass@host`) are refused. Internal building block.
 */
import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What else a particular URL must not have. */
export interface SecureUrlOptions {
  /** RFC 6749 §3.1 / §3.2, RFC 9728 §2: endpoints and resource identifiers carry no fragment. */
  readonly fragment?: 'forbidden' | 'allowed';
  /** RFC 8414 §2: an issuer carries no query either. */
  readonly query?: 'forbidden' | 'allowed';
  /** Plain http to `loopback` hosts only (default), to `any` host (a LAN demo provider), or `none`. */
  readonly http?: 'none' | 'loopback' | 'any';
}

/** True when `value` is an https URL, or http to a loopback host, with the options' constraints. */
export function isSecureUrl(value: string, options: SecureUrlOptions = {}): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  const secure =
    url.protocol === 'https:' ||
    (url.protocol === 'http:' &&
      (options.http === 'any' || (options.http !== 'none' && LOOPBACK_HOSTS.has(url.hostname))));
  if (!secure || url.username !== '' || url.password !== '') return false;
  if (options.fragment === 'forbidden' && value.includes('#')) return false;
  if (options.query === 'forbidden' && value.includes('?')) return false;
  return true;
}

/** A zod string that must be a secure URL; `rule` is the error text. */
export function secureUrl(rule: string, options: SecureUrlOptions = { fragment: 'forbidden' }) {
  return z.string({ error: rule }).refine((value) => isSecureUrl(value, options), { error: rule });
}
