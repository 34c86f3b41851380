/**
 * The provider's own interaction pages (the engine's devInteractions are off): sign-in and consent.
 *
 * GET  /interaction/:uid          → the page for the engine's current prompt (login | consent)
 * POST /interaction/:uid/login    → username + password (or a seeded-user pick in demo mode)
 * POST /interaction/:uid/confirm  → grant the requested scopes
 * POST /interaction/:uid/abort    → deny: the engine returns `access_denied` to the validated
 *                                   redirect_uri of the authorization request (never elsewhere)
 */
import { Router } from '@koa/router';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import type { ProviderConfig } from '../config/config.js';
import type { ProviderPrisma } from '../persistence/provider-prisma.js';
import { authenticateUser } from '../accounts/authenticate-user.js';
import type { UserDirectory } from '../accounts/user-directory.js';
import { listSeededUsers } from '../accounts/user-store.js';
import { formBody, parsedBody } from '../http/parse-body.js';
import type { LoginRateLimiter } from '../rate-limits/login-rate-limiter.js';
import { consumeCsrfToken, issueCsrfToken } from './csrf.js';
import { renderConsentPage } from './render-consent-page.js';
import { renderLoginPage } from './render-login-page.js';
import { renderMessagePage } from './render-message-page.js';

type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;

const GENERIC_LOGIN_ERROR = 'Invalid username or password.';

export interface InteractionDeps {
  readonly provider: Provider;
  readonly prisma: ProviderPrisma;
  /** Users by `sub` (cached, see user-directory.ts) and by username. */
  readonly users: UserDirectory;
  readonly config: ProviderConfig;
  /** Counts every sign-in attempt before the password is checked (shared by every instance). */
  readonly loginLimiter: LoginRateLimiter;
}

function tooManyAttempts(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many sign-in attempts for this account or from this network. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
}

function sendHtml(ctx: Context, status: number, body: string): void {
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('cache-control', 'no-store');
  ctx.body = body;
}

async function loadInteraction(
  ctx: Context,
  deps: InteractionDeps,
  uid: string,
): Promise<InteractionDetails | undefined> {
  try {
    const details = await deps.provider.interactionDetails(ctx.req, ctx.res);
    if (details.uid !== uid) throw new Error('uid mismatch');
    return details;
  } catch {
    sendHtml(
      ctx,
      400,
      renderMessagePage(
        'Sign-in expired',
        'This sign-in attempt is no longer valid. Go back to the application and start again.',
      ),
    );
    return undefined;
  }
}

async function clientName(deps: InteractionDeps, clientId: unknown): Promise<string> {
  const client =
    typeof clientId === 'string' ? await deps.provider.Client.find(clientId) : undefined;
  return client?.clientName ?? client?.clientId ?? 'an application';
}

async function renderPrompt(
  ctx: Context,
  deps: InteractionDeps,
  details: InteractionDetails,
  extra: { error?: string; username?: string; status?: number } = {},
) {
  const secure = new URL(deps.config.issuer).protocol === 'https:';
  const csrf = issueCsrfToken(ctx, details.uid, secure);
  const name = await clientName(deps, details.params.client_id);
  if (details.prompt.name === 'login') {
    const seededUsers = deps.config.demoMode ? await listSeededUsers(deps.prisma) : [];
    sendHtml(
      ctx,
      extra.status ?? 200,
      renderLoginPage({ uid: details.uid, csrf, clientName: name, seededUsers, ...extra }),
    );
    return;
  }
  const accountId = details.session?.accountId;
  const user = accountId ? await deps.users.findById(accountId) : undefined;
  const scopes = String(details.params.scope ?? '')
    .split(' ')
    .filter(Boolean);
  const resource = details.params.resource;
  const resources = Array.isArray(resource)
    ? resource.map(String)
    : resource
      ? [String(resource)]
      : [];
  sendHtml(
    ctx,
    200,
    renderConsentPage({
      uid: details.uid,
      csrf,
      clientName: name,
      userName: user?.name ?? 'you',
      scopes,
      resources,
    }),
  );
}

/**
 * Records the interaction result and sends the browser back to the engine. A login starts afresh
 * (`mergeWithLastSubmission: false`); consent keeps the login of the same request, so `prompt=login`
 * does not ask for the password a second time after consent.
 */
async function finish(
  ctx: Context,
  deps: InteractionDeps,
  result: Record<string, unknown>,
  merge = false,
): Promise<void> {
  const returnTo = await deps.provider.interactionResult(ctx.req, ctx.res, result, {
    mergeWithLastSubmission: merge,
  });
  ctx.status = 303;
  ctx.set('cache-control', 'no-store');
  ctx.redirect(returnTo);
}

function clientAddress(ctx: Context): string {
  return ctx.request.ip || 'unknown';
}

export function createInteractionRouter(deps: InteractionDeps): Router {
  const { prisma, users, config, loginLimiter } = deps;

  async function guardedForm(ctx: Context, uid: string) {
    const details = await loadInteraction(ctx, deps, uid);
    if (!details) return undefined;
    const form = parsedBody<Record<string, string | undefined>>(ctx);
    const expiresAt = new Date(
      typeof details.exp === 'number'
        ? details.exp * 1000
        : Date.now() + config.lifetimes.interaction * 1000,
    );
    if (!(await consumeCsrfToken(ctx, prisma, uid, form.csrf, expiresAt))) {
      sendHtml(
        ctx,
        403,
        renderMessagePage(
          'Request refused',
          'The form was not submitted from this sign-in page. Go back and try again.',
        ),
      );
      return undefined;
    }
    return { details, form };
  }

  return new Router()
    .get('/interaction/:uid', async (ctx) => {
      const { uid = '' } = ctx.params;
      const details = await loadInteraction(ctx, deps, uid);
      if (details) await renderPrompt(ctx, deps, details);
    })
    .post('/interaction/:uid/login', formBody(), async (ctx) => {
      const guarded = await guardedForm(ctx, ctx.params.uid ?? '');
      if (!guarded) return;
      const { details, form } = guarded;
      if (details.prompt.name !== 'login') {
        sendHtml(
          ctx,
          400,
          renderMessagePage('Request refused', 'This step of the sign-in is already complete.'),
        );
        return;
      }
      const username = (form.username ?? '').trim().slice(0, 200);
      // Counted before the password is checked: an attempt over budget never reaches scrypt.
      const decision = await loginLimiter.consume(username, clientAddress(ctx));
      if (!decision.allowed) {
        ctx.set('retry-after', String(decision.retryAfterSeconds));
        await renderPrompt(ctx, deps, details, {
          error: tooManyAttempts(decision.retryAfterSeconds),
          username,
          status: 429,
        });
        return;
      }
      let accountId: string | undefined;
      if (form.pick !== undefined) {
        const user = config.demoMode ? await users.findById(form.pick) : undefined;
        accountId = user?.seeded ? user.id : undefined;
      } else {
        accountId = (await authenticateUser(users, username, form.password ?? ''))?.id;
      }
      if (!accountId) {
        await renderPrompt(ctx, deps, details, {
          error: GENERIC_LOGIN_ERROR,
          username,
          status: 401,
        });
        return;
      }
      await loginLimiter.succeeded(username, clientAddress(ctx));
      await finish(ctx, deps, {
        login: { accountId, amr: [form.pick !== undefined ? 'demo' : 'pwd'] },
      });
    })
    .post('/interaction/:uid/confirm', formBody(), async (ctx) => {
      const guarded = await guardedForm(ctx, ctx.params.uid ?? '');
      if (!guarded) return;
      const { details } = guarded;
      if (details.prompt.name !== 'consent' || !details.session?.accountId) {
        sendHtml(
          ctx,
          400,
          renderMessagePage('Request refused', 'There is nothing to confirm at this step.'),
        );
        return;
      }
      const { provider } = deps;
      const promptDetails = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({
            accountId: details.session.accountId,
            clientId: String(details.params.client_id),
          });
      if (!grant) {
        sendHtml(
          ctx,
          400,
          renderMessagePage('Sign-in expired', 'This sign-in attempt is no longer valid.'),
        );
        return;
      }
      if (promptDetails.missingOIDCScope)
        grant.addOIDCScope(promptDetails.missingOIDCScope.join(' '));
      if (promptDetails.missingOIDCClaims) grant.addOIDCClaims(promptDetails.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(promptDetails.missingResourceScopes ?? {})) {
        grant.addResourceScope(indicator, scopes.join(' '));
      }
      const grantId = await grant.save();
      await finish(ctx, deps, { consent: { grantId } }, true);
    })
    .post('/interaction/:uid/abort', formBody(), async (ctx) => {
      const guarded = await guardedForm(ctx, ctx.params.uid ?? '');
      if (!guarded) return;
      await finish(ctx, deps, {
        error: 'access_denied',
        error_description: 'End-User aborted interaction',
      });
    });
}
