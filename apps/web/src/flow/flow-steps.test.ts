import { describe, expect, it } from 'vitest';
import type { FlowEventView } from './flow-event-store';
import { buildFlowSteps } from './flow-steps';

const event = (
  step: FlowEventView['step'],
  detail: FlowEventView['detail'] = { params: {} },
): FlowEventView => ({
  id: step,
  flowId: 'f',
  step,
  detail,
  createdAt: new Date(0),
});

describe('buildFlowSteps', () => {
  it('marks nothing done before a sign-in', () => {
    expect(buildFlowSteps([], false).filter((step) => step.done)).toEqual([]);
  });

  it('marks the steps that the recorded events prove, linking each to the inspector', () => {
    const steps = buildFlowSteps(
      [
        event('authorization_request'),
        event('callback', { params: { code: '[redacted]', state: 's' } }),
        event('token_response'),
      ],
      true,
    );
    expect(steps.filter((step) => !step.done).map((step) => step.id)).toEqual([
      'api-call',
      'refresh',
    ]);
    expect(steps.find((step) => step.id === 'api-call')?.note).toContain('Notes');
    expect(steps.find((step) => step.id === 'callback')?.href).toBe('/inspector#callback');
  });
});
