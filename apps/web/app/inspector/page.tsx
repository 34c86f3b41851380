import type { Metadata } from 'next';
import Link from 'next/link';
import { SESSION_COOKIE } from '../../src/auth/cookie-names';
import { PROVIDER_ID } from '../../src/auth/oauth-ref-provider';
import { getPrisma } from '../../src/db/prisma';
import type {
  AuthorizationRequestDetail,
  CallbackDetail,
  CallbackRejectedDetail,
  RefreshRejectedDetail,
  TokenResponseDetail,
} from '../../src/flow/flow-event-types';
import { requireUser } from '../../src/server/current-user';
import { loadFlowEvents } from '../../src/server/flow-events';
import { layoutSequenceDiagram } from '@oauth-ref/flow-diagram';
import { config } from '../../src/config/config';
import { buildFlowDiagramMessages, WEB_LIFELINES } from '../../src/flow/flow-diagram-messages';
import { verifyStoredAccessToken } from '../../src/server/verify-stored-access-token';
import { ClaimsTable } from '../components/claims-table';
import { Countdown } from '../components/countdown';
import { FlowDiagram } from './flow-diagram';
import { InspectorActions } from './inspector-actions';
import { ScopeExplanation } from './scope-explanation';
import { TokenVerification } from './token-verification';

export const metadata: Metadata = { title: 'Flow inspector' };

const PARAM_NOTES: Record<string, string> = {
  response_type: '"code": the Authorization Code flow, the only flow for users in OAuth 2.1.',
  client_id: 'This app at the provider.',
  redirect_uri: 'Must match a registered URI exactly.',
  scope: 'The minimal permissions this app needs.',
  resource: 'RFC 8707: the API the access token is for (becomes its aud).',
  prompt:
    '"consent": asks the user again, which OIDC requires before a provider honours offline_access (the refresh token).',
  state: 'CSRF protection: random, also kept in an encrypted cookie, compared on return.',
  nonce: 'Replay protection: comes back inside the ID token.',
  code_challenge:
    'PKCE: SHA-256 of the code_verifier. The verifier itself is never sent here and never stored in the inspector.',
  code_challenge_method: 'S256: the hashed PKCE variant (plain is refused).',
  code: 'The one-time authorization code (redacted here).',
  iss: 'RFC 9207: who issued this response; compared with the issuer before the code is used.',
  error: 'The provider’s error code.',
  error_description: 'The provider’s explanation.',
};

function TokenResponseSection({
  detail,
  decode,
  anchor,
}: {
  detail: TokenResponseDetail;
  decode: boolean;
  anchor: string;
}) {
  return (
    <>
      <table>
        <caption>Token response (tokens redacted)</caption>
        <tbody>
          <tr>
            <th scope="row">
              <code>token_type</code>
            </th>
            <td className="value">{detail.tokenType ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">
              <code>scope</code>
            </th>
            <td className="value">{detail.scope ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">
              <code>expires_at</code>
            </th>
            <td className="value">
              {detail.expiresAt
                ? `${detail.expiresAt} (${new Date(detail.expiresAt * 1000).toISOString()})`
                : '—'}
            </td>
          </tr>
          {Object.entries(detail.redacted).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td className="value" data-testid={`redacted-${name}`}>
                {value ?? 'not issued'}
              </td>
            </tr>
          ))}
          {detail.refreshTokenRotated !== undefined ? (
            <tr>
              <th scope="row">refresh token rotated</th>
              <td>
                {detail.refreshTokenRotated
                  ? 'yes: the new one replaced the old one'
                  : 'no: the old one stays valid'}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {decode ? (
        <>
          {detail.idToken ? (
            <section id={`${anchor}-id-token`}>
              <h3>ID token, decoded</h3>
              <ClaimsTable caption="JOSE header" values={detail.idToken.header} kind="header" />
              <ClaimsTable caption="Claims" values={detail.idToken.claims} kind="claims" />
            </section>
          ) : null}
          {detail.accessToken ? (
            <section id={`${anchor}-access-token`}>
              <h3>Access token, decoded</h3>
              <ClaimsTable caption="JOSE header" values={detail.accessToken.header} kind="header" />
              <ClaimsTable caption="Claims" values={detail.accessToken.claims} kind="claims" />
            </section>
          ) : detail.redacted.access_token ? (
            <p className="hint">
              The access token is opaque (not a JWT), so it has no claims to show.
            </p>
          ) : null}
        </>
      ) : (
        <p>
          <Link
            className="button secondary"
            href="/inspector?decode=1#token-response"
            data-testid="decode-tokens"
          >
            Decode the tokens (on the server)
          </Link>
        </p>
      )}
    </>
  );
}

export default async function InspectorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser('/inspector');
  const { decode, notice } = await searchParams;
  const showDecoded = decode === '1';
  const events = await loadFlowEvents(user.userId);
  const account = await (
    await getPrisma()
  ).account.findFirst({
    where: { userId: user.userId, provider: PROVIDER_ID },
    select: { expires_at: true, scope: true },
  });
  const request = events.find((event) => event.step === 'authorization_request');
  const callback = events.find((event) => event.step === 'callback');
  const rejected = events.filter((event) => event.step === 'callback_rejected');
  const tokens = events.find((event) => event.step === 'token_response');
  const refreshes = events.filter(
    (event) => event.step === 'refresh' || event.step === 'refresh_rejected',
  );
  const diagram = layoutSequenceDiagram(
    WEB_LIFELINES,
    buildFlowDiagramMessages(events, { callbackPath: `/api/auth/callback/${PROVIDER_ID}` }),
    { title: 'Your session as a sequence diagram' },
  );
  const verification = await verifyStoredAccessToken(user.accountId);
  const latestTokens = [...events]
    .reverse()
    .find((event) => event.step === 'token_response' || event.step === 'refresh');
  const tokenScope = (latestTokens?.detail as TokenResponseDetail | undefined)?.accessToken?.claims[
    'scope'
  ];
  const requestedScope = request
    ? (request.detail as AuthorizationRequestDetail).params['scope']
    : undefined;
  const renderedAt = Math.floor(Date.now() / 1000);
  const time = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';

  return (
    <>
      <h1>Flow inspector</h1>
      <p className="lead">
        Every step of your last sign-in and every refresh since, as this app recorded them. Codes,
        verifiers and tokens are never stored here; tokens are shown redacted, and decoded into
        their claims only when you ask.
      </p>
      {events.length === 0 ? (
        <p className="empty">No sign-in recorded for this session yet.</p>
      ) : null}

      <section className="card" id="flow" aria-labelledby="flow-title">
        <h2 id="flow-title">Sequence diagram</h2>
        <p>
          One arrow per request this app recorded in your session, oldest first, with the parameters
          it sent: your sign-in, every refresh and every API call since. Solid arrows are requests,
          dashed ones answers, red ones refusals. When you sign out, the page you land on draws the
          whole session again with the sign-out&apos;s own requests at the end.
        </p>
        <FlowDiagram model={diagram} />
      </section>

      <InspectorActions notice={notice} />

      <section className="card" id="session" aria-labelledby="session-title">
        <h2 id="session-title">Session now</h2>
        <p>
          The browser holds only <code>{SESSION_COOKIE}</code> (HttpOnly, SameSite=Lax), an opaque
          key to a database session that ends {time(user.sessionExpires)}.
        </p>
        {account?.expires_at ? (
          <p>
            Access token:{' '}
            <Countdown
              until={account.expires_at}
              renderedAt={renderedAt}
              label="The access token"
            />
          </p>
        ) : (
          <p className="alert warn">
            No access token is stored: the next API call will ask you to sign in again.
          </p>
        )}
        {account?.scope ? (
          <p>
            Granted scope: <code>{account.scope}</code>
          </p>
        ) : null}
      </section>

      <section className="card" id="token-verification" aria-labelledby="verification-title">
        <h2 id="verification-title">Your access token, verified</h2>
        <TokenVerification verification={verification} />
      </section>

      {requestedScope ? (
        <ScopeExplanation
          requested={requestedScope.split(' ').filter(Boolean)}
          granted={typeof tokenScope === 'string' ? tokenScope.split(' ').filter(Boolean) : []}
          resource={config.resource}
        />
      ) : null}

      <section className="card" id="authorization-request" aria-labelledby="authz-title">
        <h2 id="authz-title">1. Authorization request</h2>
        {request ? (
          <>
            <p>
              {time(request.createdAt)} — browser sent to{' '}
              <code>{(request.detail as AuthorizationRequestDetail).endpoint}</code>
            </p>
            <table>
              <caption>Query parameters</caption>
              <tbody>
                {Object.entries((request.detail as AuthorizationRequestDetail).params).map(
                  ([name, value]) => (
                    <tr key={name}>
                      <th scope="row">
                        <code>{name}</code>
                      </th>
                      <td className="value" data-testid={`authz-${name}`}>
                        {value}
                      </td>
                      <td>{PARAM_NOTES[name] ?? ''}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </>
        ) : (
          <p className="empty">Not recorded.</p>
        )}
      </section>

      <section className="card" id="callback" aria-labelledby="callback-title">
        <h2 id="callback-title">2. Callback</h2>
        {callback ? (
          <>
            <p>{time(callback.createdAt)} — the provider redirected the browser back with:</p>
            <table>
              <caption>Callback parameters</caption>
              <tbody>
                {Object.entries((callback.detail as CallbackDetail).params).map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row">
                      <code>{name}</code>
                    </th>
                    <td className="value">{value}</td>
                    <td>{PARAM_NOTES[name] ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              Checked before the code was used:{' '}
              <span className="badge ok">state matches the cookie</span>{' '}
              <span className="badge ok">iss equals the issuer</span>
            </p>
          </>
        ) : (
          <p className="empty">Not recorded.</p>
        )}
        {rejected.map((event) => (
          <p key={event.id} className="alert error">
            Rejected callback: <code>{(event.detail as CallbackRejectedDetail).error}</code>
          </p>
        ))}
      </section>

      <section className="card" id="token-response" aria-labelledby="token-title">
        <h2 id="token-title">3. Token response</h2>
        {tokens ? (
          <>
            <p>
              {time(tokens.createdAt)} — the server exchanged the code (with the code_verifier and
              its client secret) at the token endpoint.
            </p>
            <div id="id-token">
              <TokenResponseSection
                detail={tokens.detail as TokenResponseDetail}
                decode={showDecoded}
                anchor="signin"
              />
            </div>
          </>
        ) : (
          <p className="empty">Not recorded.</p>
        )}
      </section>

      <section className="card" id="refreshes" aria-labelledby="refresh-title">
        <h2 id="refresh-title">4. Refreshes</h2>
        {refreshes.length === 0 ? (
          <p className="empty">
            No refresh yet. It happens on the first API call after the access token nears expiry.
          </p>
        ) : (
          <ol>
            {refreshes.map((event, index) => (
              <li key={event.id} data-testid="refresh-event">
                <p>
                  {time(event.createdAt)} —{' '}
                  {event.step === 'refresh' ? (
                    <span className="badge ok">refreshed</span>
                  ) : (
                    <span className="badge danger">
                      rejected: {(event.detail as RefreshRejectedDetail).error}
                    </span>
                  )}
                </p>
                {event.step === 'refresh' ? (
                  <TokenResponseSection
                    detail={event.detail as TokenResponseDetail}
                    decode={showDecoded}
                    anchor={`refresh-${index}`}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
