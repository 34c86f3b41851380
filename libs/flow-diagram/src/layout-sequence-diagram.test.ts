import { describe, expect, it } from 'vitest';
import type { DiagramMessage, Lifeline } from './diagram-types.js';
import { layoutSequenceDiagram } from './layout-sequence-diagram.js';

const lifelines: Lifeline[] = [
  { id: 'browser', label: 'Browser' },
  { id: 'web', label: 'Web server' },
  { id: 'provider', label: 'Provider' },
  { id: 'api', label: 'API' },
];

const messages: DiagramMessage[] = [
  {
    from: 'browser',
    to: 'provider',
    label: 'GET /auth',
    params: [
      ['response_type', 'code'],
      ['code_challenge_method', 'S256'],
    ],
    eventId: 'e1',
  },
  { from: 'web', to: 'provider', label: 'POST /token', eventId: 'e2' },
  { from: 'provider', to: 'web', label: '200 tokens', kind: 'response', eventId: 'e2' },
  { from: 'web', to: 'api', label: 'GET /notes', eventId: 'e3' },
  { from: 'api', to: 'web', label: '401 invalid_token', kind: 'error', eventId: 'e3' },
];

describe('layoutSequenceDiagram', () => {
  const model = layoutSequenceDiagram(lifelines, messages, { title: 'Your session' });

  it('draws one arrow per message, in the recorded order, numbered from 1', () => {
    expect(model.arrows.map((arrow) => [arrow.number, arrow.label, arrow.eventId])).toEqual([
      [1, 'GET /auth', 'e1'],
      [2, 'POST /token', 'e2'],
      [3, '200 tokens', 'e2'],
      [4, 'GET /notes', 'e3'],
      [5, '401 invalid_token', 'e3'],
    ]);
    const ys = model.arrows.map((arrow) => arrow.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(new Set(ys).size).toBe(ys.length);
  });

  it('starts and ends each arrow on the lifelines it names', () => {
    const x = Object.fromEntries(model.lifelines.map((line) => [line.id, line.x]));
    for (const arrow of model.arrows) {
      expect(arrow.x1).toBe(x[arrow.from]);
      expect(arrow.x2).toBe(x[arrow.to]);
    }
    expect(model.arrows[2]?.fromLabel).toBe('Provider');
    expect(model.arrows[2]?.toLabel).toBe('Web server');
  });

  it('points the head at the receiver, whichever way the arrow goes', () => {
    const right = model.arrows[0];
    const left = model.arrows[2];
    expect(right?.head.startsWith(`${right.x2},${right.y} ${right.x2 - 8},`)).toBe(true);
    expect(left?.head.startsWith(`${left.x2},${left.y} ${left.x2 + 8},`)).toBe(true);
  });

  it('puts the numbered label and every parameter above the arrow', () => {
    const first = model.arrows[0];
    expect(first?.lines.map((line) => line.text)).toEqual([
      '1. GET /auth',
      'response_type=code',
      'code_challenge_method=S256',
    ]);
    for (const line of first?.lines ?? []) expect(line.y).toBeLessThan(first?.y ?? 0);
    expect(first?.params).toEqual([
      ['response_type', 'code'],
      ['code_challenge_method', 'S256'],
    ]);
  });

  it('keeps the kind of each message, requests by default', () => {
    expect(model.arrows.map((arrow) => arrow.kind)).toEqual([
      'request',
      'request',
      'response',
      'request',
      'error',
    ]);
  });

  it('shortens long parameter lines to fit the drawing and keeps the full value for the text alternative', () => {
    const long = 'x'.repeat(500);
    const [arrow] = layoutSequenceDiagram(
      lifelines,
      [{ from: 'web', to: 'api', label: 'GET /notes', params: [['token_hint', long]] }],
      { title: 't' },
    ).arrows;
    const shown = arrow?.lines[1]?.text ?? '';
    expect(shown.endsWith('…')).toBe(true);
    expect((shown.length - 1) * 6.6 + (arrow?.lines[1]?.x ?? 0)).toBeLessThanOrEqual(
      model.width - 12,
    );
    expect(arrow?.params[0]?.[1]).toBe(long);
  });

  it('sizes the drawing around its lanes and arrows, lifelines reaching the last arrow', () => {
    expect(model.width).toBe(12 * 2 + 190 * 4);
    const last = model.arrows.at(-1)?.y ?? 0;
    expect(model.height).toBeGreaterThan(last);
    for (const line of model.lifelines) expect(line.bottom).toBeGreaterThan(last);
    expect(model.summary).toBe(
      '5 recorded messages between Browser, Web server, Provider, API, oldest first.',
    );
  });

  it('draws only the lifelines for an empty session', () => {
    const empty = layoutSequenceDiagram(lifelines, [], { title: 't', laneWidth: 100 });
    expect(empty.arrows).toEqual([]);
    expect(empty.lifelines).toHaveLength(4);
    expect(empty.width).toBe(12 * 2 + 400);
    expect(
      layoutSequenceDiagram(lifelines, messages.slice(0, 1), { title: 't' }).summary,
    ).toContain('1 recorded message between');
  });

  it('refuses a message from or to an unknown lifeline', () => {
    expect(() =>
      layoutSequenceDiagram(lifelines, [{ from: 'browser', to: 'nobody', label: 'x' }], {
        title: 't',
      }),
    ).toThrow('Unknown lifeline "nobody"');
  });
});
