import type { Metadata } from 'next';
import { config } from '../../src/config/config';
import { attackInfo } from '../../src/lab/attack-info';
import { ATTACKS } from '../../src/lab/attack-table';
import { sourceHref } from '../../src/lab/source-links';
import { runAttackAction } from './actions';
import { AttackCard } from './attack-card';
import './lab.css';

export const metadata: Metadata = { title: 'Attack lab' };

/**
 * /lab works signed in or not: no attack uses the visitor's session or grant (each makes its own
 * throw-away victim and deletes it), so signing in would protect nothing and would only hide the
 * lab from someone who wants to see the refusals before trying the app.
 */
export default function LabPage() {
  const adminApi = config.labAdminToken !== undefined;
  return (
    <>
      <h1>Attack lab: try to break it</h1>
      <p className="lead">
        Each button runs one real attack from this web server against the running provider (
        <span className="mono">{config.issuer}</span>) and API (
        <span className="mono">{config.apiUrl}</span>) — nothing here is a recording. You see what
        the attacker sent, what came back, the rule that says no, and the code and test in this
        repository that enforce it.
      </p>
      <div className="card">
        <h2>How the runs stay harmless</h2>
        <ul>
          <li>
            Attacks that need a victim create a throw-away user or client through the
            provider&rsquo;s admin API, drive its sign-in over HTTP, and delete it afterwards. Your
            own session and grant are never used, so the lab works signed in or not.
          </li>
          <li>
            The admin token and the web client&rsquo;s secret stay on this server; secrets and
            passwords are masked and tokens shortened in what is shown.
          </li>
          <li>
            A <strong>refused</strong> result is what a correct stack does. An{' '}
            <strong>accepted</strong> one is shown in red: the attack worked, and that is a bug.
          </li>
        </ul>
      </div>
      {adminApi ? null : (
        <div className="alert warn" role="status" data-testid="lab-admin-off">
          <p>
            The provider&rsquo;s admin API is not configured for this web app
            (PROVIDER_ADMIN_TOKEN), so the attacks that need a throw-away victim end in an error.
            `npm start` sets it; the two forged-token attacks work without it.
          </p>
        </div>
      )}
      {ATTACKS.map((attack) => (
        <AttackCard
          key={attack.id}
          info={attackInfo(attack)}
          action={runAttackAction}
          sourceBase={sourceHref('')}
        />
      ))}
    </>
  );
}
