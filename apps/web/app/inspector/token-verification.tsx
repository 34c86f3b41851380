/**
 * The stored access token, verified rather than decoded: each check the API runs, with its rule
 * and the reason for its outcome, then the API pipeline's verdict.
 */
import type { StoredTokenVerification } from '../../src/server/verify-stored-access-token';
import './token-verification.css';

const CHECK_TITLES: Readonly<Record<string, string>> = {
  signature: "Signature, against the issuer's JWKS",
  iss: 'iss: who issued it',
  aud: 'aud: who it is for',
  exp: 'exp: still valid',
  typ: 'typ: an access token, not an ID token',
  cnf: 'cnf: sender constraint',
};

const BADGE = { pass: 'ok', fail: 'danger', skipped: 'warn' } as const;

export function TokenVerification({
  verification,
}: {
  verification: StoredTokenVerification | null;
}) {
  if (verification === null) {
    return (
      <p className="empty">
        No access token is stored for your session, so there is nothing to verify.
      </p>
    );
  }
  const { checks, verdict } = verification.explanation;
  return (
    <>
      <p>
        Checked on this server with <code>@oauth-ref/nest-bearer-auth</code>, the library the API
        uses, each step on its own (<code>explainAccessToken</code>), as the API would receive the
        token on <code>GET /notes</code> with audience <code>{verification.audience}</code>.
      </p>
      <table className="token-checks" data-testid="token-checks">
        <caption>Checks</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Outcome</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => (
            <tr key={check.id} data-check={check.id} data-outcome={check.outcome}>
              <th scope="row">
                {CHECK_TITLES[check.id] ?? check.id}
                <br />
                <small>{check.rule}</small>
              </th>
              <td>
                <span className={`badge ${BADGE[check.outcome]}`}>{check.outcome}</span>
              </td>
              <td className="value">
                {check.reason}
                {check.code ? (
                  <>
                    {' '}
                    (<code>{check.code}</code>)
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p
        className={`alert ${verdict.accepted ? 'ok' : 'error'}`}
        data-testid="token-verdict"
        data-accepted={verdict.accepted ? 'true' : 'false'}
      >
        {verdict.accepted ? 'Whole pipeline: accepted. ' : 'Whole pipeline: refused. '}
        {verdict.reason}
        {verdict.code ? ` (${verdict.code})` : ''}
      </p>
    </>
  );
}
