/**
 * Runs the web client's callback handling on an authorization response and records it as a step:
 * the callback URL as the browser would deliver it, and what the check said.
 */
import type { LabContext } from './lab-context';
import type { LabStep } from './lab-types';
import { shortenUrl } from './describe-exchange';
import type { CallbackChecks, WebClientCallback } from './web-client-callback';

export async function runClientCheck(
  lab: LabContext,
  web: WebClientCallback,
  callback: URL,
  checks: CallbackChecks,
  step: { title: string; role: LabStep['role'] },
): Promise<boolean> {
  const request = { method: 'GET', url: shortenUrl(callback.href), headers: {}, tokens: [] };
  try {
    const tokens = await web.handle(callback, checks);
    lab.record({
      ...step,
      request,
      note: `accepted: the code was exchanged (${tokens.id_token ? 'ID token validated' : 'tokens issued'})`,
      ...(step.role === 'attack' ? { refused: false } : {}),
    });
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    lab.record({
      ...step,
      request,
      note: `refused by openid-client’s callback(): ${message}`,
      ...(step.role === 'attack' ? { refused: true } : {}),
    });
    return false;
  }
}
