/**
 * RFC 9700 §4.x online guessing / OWASP ASVS V2.2.1: sign-in attempts are counted per username
 * (and per address) before the password is checked, atomically in the shared store, so guesses
 * fired in parallel cannot slip past the budget; over the budget even the right password is refused.
 */
import { randomBytes } from 'node:crypto';
import type { AttackDefinition } from '../lab-types';
import {
  buildAuthorizationUrl,
  hiddenField,
  interactionAction,
  ProviderSession,
} from '../provider-session';
import { createThrowawayUser } from '../throwaway';
import { verdict } from '../verdict';
import { pkcePair } from '../victim-flow';

/** More than the provider's default per-username budget (10 per window). */
export const PARALLEL_GUESSES = 12;

export const passwordGuessing: AttackDefinition = {
  id: 'password-guessing',
  title: 'Parallel password guessing',
  threat: `The attacker opens ${PARALLEL_GUESSES} login pages and submits a guess on each at the same moment, hoping parallel requests slip past a limit that reads a counter before incrementing it.`,
  rules: [
    {
      spec: 'RFC 9700',
      section: '§4.16',
      href: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.16',
      text: 'Authorization servers should protect the resource owner’s credentials against brute force; NIST SP 800-63B §5.2.2 and OWASP ASVS V2.2.1 ask for a limit on failed attempts per account.',
    },
  ],
  enforcedBy: [
    'apps/provider/src/rate-limits/login-rate-limiter.ts',
    'apps/provider/src/interactions/interaction-routes.ts',
  ],
  testedBy: [
    'apps/provider/src/interactions/login-rate-limit.test.ts',
    'apps/provider/src/rate-limits/login-rate-limiter.test.ts',
  ],
  async run(lab) {
    const victim = await createThrowawayUser(lab);
    const url = buildAuthorizationUrl(lab.settings.issuer, {
      clientId: lab.settings.webClientId,
      redirectUri: lab.settings.webRedirectUri,
      scope: 'openid',
      state: randomBytes(8).toString('hex'),
      nonce: randomBytes(8).toString('hex'),
      codeChallenge: pkcePair().challenge,
    });
    const openLogin = async () => {
      const session = new ProviderSession(lab, lab.settings.issuer);
      const page = await (await session.open(url)).text();
      const action = interactionAction(page);
      if (action?.step !== 'login') throw new Error('the provider did not show its login page');
      return { session, path: `${action.path}/login`, csrf: hiddenField(page, 'csrf') };
    };
    const pages = [];
    for (let index = 0; index < PARALLEL_GUESSES + 1; index += 1) pages.push(await openLogin());
    const last = pages.pop()!;
    lab.record({
      title: `Attacker opens ${PARALLEL_GUESSES + 1} login pages for ${victim.username} (one form token each)`,
      role: 'setup',
    });
    const guesses = await Promise.all(
      pages.map(({ session, path, csrf }, index) =>
        session.postForm(path, { csrf, username: victim.username, password: `guess-${index}` }),
      ),
    );
    const statuses = guesses.map((response) => response.status);
    await Promise.all(guesses.map((response) => response.body?.cancel()));
    const checked = statuses.filter((status) => status === 401).length;
    const limited = statuses.filter((status) => status === 429).length;
    const retryAfter = guesses
      .find((response) => response.status === 429)
      ?.headers.get('retry-after');
    lab.record({
      title: `Attacker submits ${PARALLEL_GUESSES} wrong guesses at once`,
      role: 'attack',
      request: {
        method: 'POST',
        url: `${lab.settings.issuer.replace(/\/$/, '')}/interaction/<uid>/login  ×${PARALLEL_GUESSES}, in parallel`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `csrf=•••\nusername=${victim.username}\npassword=guess-0 … guess-${PARALLEL_GUESSES - 1}`,
        tokens: [],
      },
      response: {
        status: limited > 0 ? 429 : 401,
        ...(retryAfter ? { retryAfter } : {}),
        body: `${checked} × 401 (reached the password check: wrong password), ${limited} × 429 (refused before the check: too many attempts). Statuses in order: ${statuses.join(', ')}`,
      },
      refused: limited > 0 && checked <= 10,
    });
    const right = await last.session.postForm(last.path, {
      csrf: last.csrf,
      username: victim.username,
      password: victim.password,
    });
    const text = await right.text();
    lab.record({
      title:
        'Then the right password, from a fresh login page: the account is locked for the window',
      role: 'attack',
      request: {
        method: 'POST',
        url: `${lab.settings.issuer.replace(/\/$/, '')}/interaction/<uid>/login`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `csrf=•••\nusername=${victim.username}\npassword=••• (the right one)`,
        tokens: [],
      },
      response: {
        status: right.status,
        ...(right.headers.get('retry-after')
          ? { retryAfter: right.headers.get('retry-after')! }
          : {}),
        body: /too many/i.test(text)
          ? 'the login page again, with “Too many sign-in attempts”'
          : `HTTP ${right.status}`,
      },
      refused: right.status === 429,
    });
    return verdict(
      lab,
      `Only ${checked} of ${PARALLEL_GUESSES} parallel guesses reached the password check; ${limited} got 429, and then even the right password was refused until the window ends.`,
      'Every parallel guess reached the password check, or the right password still worked over the budget.',
    );
  },
};
