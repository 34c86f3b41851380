import type {
  AttackReport,
  LabStep,
  RecordedRequest,
  RecordedResponse,
} from '../../src/lab/lab-types';

const OUTCOME_LABEL: Record<AttackReport['outcome'], string> = {
  refused: 'Refused — the stack held',
  accepted: 'ACCEPTED — the attack worked: this is a security failure',
  error: 'Error — the run could not complete',
};

const ROLE_LABEL: Record<LabStep['role'], string> = {
  setup: 'setup',
  control: 'control',
  attack: 'attack',
  after: 'after',
};

function RequestView({ request }: { request: RecordedRequest }) {
  const headerLines = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`);
  return (
    <div className="lab-exchange">
      <p className="lab-label">Sent</p>
      <pre className="lab-pre">
        {[
          `${request.method} ${request.url}`,
          ...headerLines,
          ...(request.body ? ['', request.body] : []),
        ].join('\n')}
      </pre>
      {request.tokens.map((token, index) => (
        <div key={index}>
          <p className="lab-label">{token.label}, decoded</p>
          <pre className="lab-pre">
            {JSON.stringify(token.header, null, 2)}
            {'\n.\n'}
            {JSON.stringify(token.payload, null, 2)}
          </pre>
        </div>
      ))}
    </div>
  );
}

function ResponseView({ response }: { response: RecordedResponse }) {
  const rows: [string, string][] = [
    ['status', String(response.status)],
    ...(response.error ? [['error', response.error] as [string, string]] : []),
    ...(response.errorDescription
      ? [['error_description', response.errorDescription] as [string, string]]
      : []),
    ...(response.wwwAuthenticate
      ? [['WWW-Authenticate', response.wwwAuthenticate] as [string, string]]
      : []),
    ...(response.location ? [['Location', response.location] as [string, string]] : []),
    ...(response.retryAfter ? [['Retry-After', response.retryAfter] as [string, string]] : []),
  ];
  return (
    <div className="lab-exchange">
      <p className="lab-label">Came back</p>
      <dl className="lab-response">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
      {response.body ? <pre className="lab-pre">{response.body}</pre> : null}
    </div>
  );
}

function StepView({ step }: { step: LabStep }) {
  const verdict =
    step.refused === undefined ? null : step.refused ? (
      <span className="lab-badge outcome-refused">refused</span>
    ) : (
      <span className="lab-badge outcome-accepted">accepted</span>
    );
  return (
    <li className={`lab-step role-${step.role}`}>
      <p className="lab-step-title">
        <span className="lab-badge">{ROLE_LABEL[step.role]}</span> {step.title} {verdict}
      </p>
      {step.request ? <RequestView request={step.request} /> : null}
      {step.response ? <ResponseView response={step.response} /> : null}
      {step.note ? <p className="lab-note">{step.note}</p> : null}
    </li>
  );
}

/** One run's report: the outcome first, then every step as sent and received, then the cleanup. */
export function AttackResult({ attackId, report }: { attackId: string; report: AttackReport }) {
  return (
    <div
      className={`lab-result outcome-${report.outcome}`}
      data-attack={attackId}
      data-outcome={report.outcome}
    >
      <h3>{OUTCOME_LABEL[report.outcome]}</h3>
      <p>{report.summary}</p>
      <ol className="lab-steps">
        {report.steps.map((step, index) => (
          <StepView key={index} step={step} />
        ))}
      </ol>
      {report.cleanup.length > 0 ? (
        <p className="hint">
          Cleanup: {report.cleanup.join('; ')}. Took {report.durationMs} ms.
        </p>
      ) : (
        <p className="hint">Nothing to clean up. Took {report.durationMs} ms.</p>
      )}
    </div>
  );
}
