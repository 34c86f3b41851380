/**
 * RFC 9449 §8 / §9: server-provided nonces, stateless so that every instance accepts every
 * other's: a nonce is `<window>.<HMAC-SHA256(secret, window)>`, where `window` counts
 * `lifetimeSeconds` periods since the epoch. A nonce of the current or the previous window is
 * valid (so one lives between one and two lifetimes); nothing is stored, instances only share the
 * secret. A proof without a valid nonce is answered `use_dpop_nonce` with a fresh `DPoP-Nonce`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { UseDpopNonceError } from '../errors/bearer-auth-error.js';

export interface DpopNonceOptions {
  /** HMAC key shared by every instance (at least 32 bytes). */
  readonly secret: string;
  /** How long one window lasts. Default 300 s. */
  readonly lifetimeSeconds?: number;
}

function mac(secret: string, window: number): string {
  return createHmac('sha256', secret).update(`dpop-nonce:${window}`).digest('base64url');
}

/**
 * The nonce of the current window.
 *
 * @example
 * issueDpopNonce({ secret }); // '5998320.kq3…'
 */
export function issueDpopNonce(options: DpopNonceOptions, nowSeconds = Date.now() / 1000): string {
  const window = Math.floor(nowSeconds / (options.lifetimeSeconds ?? 300));
  return `${window}.${mac(options.secret, window)}`;
}

/**
 * Refuses a proof whose `nonce` is missing or not one this server issued recently, with a fresh
 * nonce in the error for the client's retry.
 *
 * @example
 * checkDpopNonce(claims, { secret }); // throws UseDpopNonceError (error.nonce: the one to use)
 */
export function checkDpopNonce(
  claims: Readonly<Record<string, unknown>>,
  options: DpopNonceOptions,
  nowSeconds = Date.now() / 1000,
): void {
  const nonce = claims['nonce'];
  const current = Math.floor(nowSeconds / (options.lifetimeSeconds ?? 300));
  const fresh = () => issueDpopNonce(options, nowSeconds);
  if (typeof nonce !== 'string') {
    throw new UseDpopNonceError('dpop_nonce_required', 'This API requires a DPoP nonce', fresh());
  }
  const dot = nonce.indexOf('.');
  const window = Number(nonce.slice(0, dot));
  const given = Buffer.from(nonce.slice(dot + 1));
  const valid =
    dot > 0 &&
    Number.isInteger(window) &&
    (window === current || window === current - 1) &&
    (() => {
      const expected = Buffer.from(mac(options.secret, window));
      return expected.length === given.length && timingSafeEqual(expected, given);
    })();
  if (!valid) {
    throw new UseDpopNonceError(
      'dpop_nonce_invalid',
      'The DPoP nonce is invalid or expired',
      fresh(),
    );
  }
}
