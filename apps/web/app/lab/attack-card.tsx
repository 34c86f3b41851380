'use client';

import { useActionState } from 'react';
import type { AttackInfo } from '../../src/lab/attack-info';
import type { AttackRunState } from './actions';
import { AttackResult } from './attack-result';

/** The rule, the code and tests behind it, the button, and the latest run's report. */
export function AttackCard({
  info,
  action,
  sourceBase,
}: {
  info: AttackInfo;
  action: (state: AttackRunState, form: FormData) => Promise<AttackRunState>;
  sourceBase: string;
}) {
  const [state, formAction, pending] = useActionState(action, { report: null });
  const link = (path: string) => (
    <li key={path}>
      <a href={`${sourceBase}${path}`} className="mono">
        {path}
      </a>
    </li>
  );
  return (
    <article className="card lab-attack" aria-labelledby={`attack-${info.id}`}>
      <h2 id={`attack-${info.id}`}>{info.title}</h2>
      <p>{info.threat}</p>
      {info.rules.map((rule) => (
        <blockquote key={`${rule.spec}${rule.section}`} className="lab-rule">
          <p>{rule.text}</p>
          <footer>
            <a href={rule.href}>
              {rule.spec} {rule.section}
            </a>
          </footer>
        </blockquote>
      ))}
      <div className="lab-links">
        <div>
          <p className="lab-label">Refused by</p>
          <ul>{info.enforcedBy.map(link)}</ul>
        </div>
        <div>
          <p className="lab-label">Tested by</p>
          <ul>{info.testedBy.map(link)}</ul>
        </div>
      </div>
      <form action={formAction}>
        <input type="hidden" name="attack" value={info.id} />
        <button type="submit" disabled={pending} aria-busy={pending} data-testid={`run-${info.id}`}>
          {pending ? 'Running…' : state.report ? 'Run it again' : 'Run this attack'}
        </button>
      </form>
      <div aria-live="polite">
        {pending ? <p className="hint">Running against the live provider and API…</p> : null}
        {!pending && state.report ? (
          <AttackResult attackId={info.id} report={state.report} />
        ) : null}
      </div>
    </article>
  );
}
