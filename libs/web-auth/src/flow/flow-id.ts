import { createHash } from 'node:crypto';

/**
 * The id that ties the steps of one sign-in together: a hash of its `state`, so the state value
 * itself is not stored.
 *
 * @example
 * flowIdFromState('xyz'); // 'signin-3608bca1e4…'
 */
export function flowIdFromState(state: string): string {
  return `signin-${createHash('sha256').update(state).digest('hex').slice(0, 24)}`;
}
