import { describeClaim, describeHeader, TIME_CLAIMS } from '../../src/flow/claim-descriptions';

function render(name: string, value: unknown): string {
  if (TIME_CLAIMS.has(name) && typeof value === 'number') {
    return `${value} (${new Date(value * 1000).toISOString().replace('T', ' ').replace('.000Z', ' UTC')})`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A decoded JWT part explained row by row. */
export function ClaimsTable({
  caption,
  values,
  kind,
}: {
  caption: string;
  values: Record<string, unknown>;
  kind: 'header' | 'claims';
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{kind === 'header' ? 'Parameter' : 'Claim'}</th>
          <th scope="col">Value</th>
          <th scope="col">What it means</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(values).map(([name, value]) => (
          <tr key={name}>
            <th scope="row">
              <code>{name}</code>
            </th>
            <td className="value">{render(name, value)}</td>
            <td>{kind === 'header' ? describeHeader(name) : describeClaim(name)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
