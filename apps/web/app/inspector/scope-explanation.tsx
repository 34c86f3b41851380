/**
 * Why the access token carries fewer scopes than were asked for: the provider's resource rule
 * (apps/provider/src/engine/resource-rule.ts) gives the API's resource only API scopes; the OIDC
 * scopes are about the sign-in itself.
 */
import { API_SCOPES, describeScope } from '@oauth-ref/scopes';

const OIDC_PURPOSE: Readonly<Record<string, string>> = {
  openid: 'makes this an OpenID Connect sign-in: it is why an ID token came back.',
  profile: 'chooses the claims of the ID token and of UserInfo (name, …).',
  email: 'chooses the email claims of the ID token and of UserInfo.',
  offline_access: 'is why a refresh token came back.',
};

export function ScopeExplanation({
  requested,
  granted,
  resource,
}: {
  requested: readonly string[];
  granted: readonly string[];
  resource: string | undefined;
}) {
  const apiScopes: readonly string[] = API_SCOPES;
  const forApi = requested.filter((scope) => apiScopes.includes(scope));
  const others = requested.filter((scope) => !apiScopes.includes(scope));
  return (
    <section className="card" id="scopes" aria-labelledby="scopes-title">
      <h2 id="scopes-title">
        Why the access token carries {granted.length} of the {requested.length} requested scopes
      </h2>
      <p>
        Requested: <code data-testid="requested-scopes">{requested.join(' ')}</code>. In the access
        token: <code data-testid="token-scopes">{granted.join(' ') || '(none)'}</code>.
      </p>
      <p>
        An access token is for one resource. The authorization request named the API as{' '}
        <code>resource={resource ?? '(none)'}</code> (RFC 8707), so the token&rsquo;s{' '}
        <code>aud</code> is the API. The provider&rsquo;s resource rule (
        <code>apps/provider/src/engine/resource-rule.ts</code>, <code>getResourceServerInfo</code>)
        gives that resource only the API scopes a user-facing client may hold, from the scope
        catalogue (<code>notes:read notes:write</code>; <code>notes:stats</code> is for machines
        only). So the token carries{' '}
        {forApi.map((scope, index) => (
          <span key={scope}>
            {index > 0 ? ' and ' : ''}
            <code>{scope}</code>
          </span>
        ))}
        , and the API checks them per route.
      </p>
      <p>The other {others.length} are not for the API; they shape the sign-in itself:</p>
      <ul>
        {others.map((scope) => (
          <li key={scope}>
            <code>{scope}</code>{' '}
            {OIDC_PURPOSE[scope] ?? describeScope(scope)?.description ?? 'is not a known scope.'}
          </li>
        ))}
      </ul>
      <p className="hint">
        The same rule also decides the opposite case: a refresh that narrows <code>scope</code> to
        OIDC scopes only gets an opaque access token for UserInfo (no API audience), which is how
        the Profile page reads <code>/me</code>.
      </p>
    </section>
  );
}
