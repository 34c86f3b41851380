/**
 * The shape of the web client's callback attacks (forged state, mix-up): a real authorization
 * response for the web client, delivered to its callback check once per tampering — each one an
 * attack that must be refused — and then untouched, as the control: the same code passes the same
 * check and is redeemed.
 */
import type { LabContext } from './lab-context';
import { runClientCheck } from './run-client-check';
import { victimWebAuthorization } from './victim-web-authorization';

export interface CallbackTampering {
  /** The step's title: what the attacker's callback carries. */
  readonly title: string;
  /** Turns a copy of the genuine callback URL into the attacker's. */
  readonly tamper: (callback: URL) => void;
}

/**
 * Runs each tampering, in order, as an attack step, then the genuine callback as the control.
 *
 * @example
 * await tamperedCallbacks(lab, {
 *   attacks: [{ title: 'no state', tamper: (url) => url.searchParams.delete('state') }],
 *   control: 'the genuine response is accepted',
 * });
 */
export async function tamperedCallbacks(
  lab: LabContext,
  { attacks, control }: { attacks: readonly CallbackTampering[]; control: string },
): Promise<void> {
  const { callback, checks } = await victimWebAuthorization(lab);
  const web = await lab.webClient();
  for (const { title, tamper } of attacks) {
    const tampered = new URL(callback);
    tamper(tampered);
    await runClientCheck(lab, web, tampered, checks, { title, role: 'attack' });
  }
  await runClientCheck(lab, web, callback, checks, { title: control, role: 'control' });
}
