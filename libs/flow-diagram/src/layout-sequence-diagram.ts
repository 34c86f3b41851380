/**
 * Lays out a sequence diagram: lifelines side by side, one arrow per message, top to bottom in the
 * order given (the order the app recorded them). Pure geometry: no DOM, no framework.
 */
import type {
  DiagramMessage,
  Lifeline,
  PlacedArrow,
  PlacedLifeline,
  PlacedText,
  SequenceDiagramModel,
} from './diagram-types.js';
import { shortenText } from './shorten-text.js';

/**
 * Sizes in SVG user units. `charWidth` is the average advance of the font the renderer uses,
 * used to shorten parameter lines so they stay inside the drawing.
 *
 * @example
 * layoutSequenceDiagram(lifelines, messages, { title: 'Sign-in', laneWidth: 150 });
 */
export interface LayoutOptions {
  readonly title: string;
  readonly laneWidth?: number;
  readonly margin?: number;
  readonly headerHeight?: number;
  readonly lineHeight?: number;
  readonly gap?: number;
  readonly charWidth?: number;
}

const HEAD_LENGTH = 8;
const HEAD_HALF_WIDTH = 4;

function arrowHead(x1: number, x2: number, y: number): string {
  const direction = x2 >= x1 ? 1 : -1;
  const back = x2 - direction * HEAD_LENGTH;
  return `${x2},${y} ${back},${y - HEAD_HALF_WIDTH} ${back},${y + HEAD_HALF_WIDTH}`;
}

/**
 * Places lifelines and arrows. Throws when a message names a lifeline that is not in the list
 * (a recorder bug better seen than drawn wrong).
 *
 * @example
 * const model = layoutSequenceDiagram(
 *   [{ id: 'browser', label: 'Browser' }, { id: 'provider', label: 'Provider' }],
 *   [{ from: 'browser', to: 'provider', label: 'GET /auth', params: [['response_type', 'code']] }],
 *   { title: 'Your sign-in' },
 * );
 * model.arrows[0]?.lines[0]?.text; // '1. GET /auth'
 */
export function layoutSequenceDiagram(
  lifelines: readonly Lifeline[],
  messages: readonly DiagramMessage[],
  options: LayoutOptions,
): SequenceDiagramModel {
  const laneWidth = options.laneWidth ?? 190;
  const margin = options.margin ?? 12;
  const headerHeight = options.headerHeight ?? 32;
  const lineHeight = options.lineHeight ?? 15;
  const gap = options.gap ?? 14;
  const charWidth = options.charWidth ?? 6.6;
  const width = margin * 2 + laneWidth * lifelines.length;

  const position = new Map<string, { x: number; label: string }>();
  lifelines.forEach((line, index) =>
    position.set(line.id, { x: margin + laneWidth * (index + 0.5), label: line.label }),
  );
  const place = (id: string) => {
    const found = position.get(id);
    if (found === undefined) throw new RangeError(`Unknown lifeline "${id}"`);
    return found;
  };

  let y = margin + headerHeight + gap;
  const arrows: PlacedArrow[] = messages.map((message, index) => {
    const from = place(message.from);
    const to = place(message.to);
    const textX = Math.min(from.x, to.x) + 6;
    const maxChars = Math.max(8, Math.floor((width - margin - textX) / charWidth));
    const params = message.params ?? [];
    const label = `${index + 1}. ${message.label}`;
    const texts = [label, ...params.map(([name, value]) => `${name}=${value}`)];
    const lines: PlacedText[] = texts.map((text, line) => ({
      text: shortenText(text, maxChars),
      x: textX,
      y: y + lineHeight * (line + 1) - 4,
    }));
    const arrowY = y + lineHeight * texts.length + 4;
    y = arrowY + gap;
    return Object.freeze({
      number: index + 1,
      from: message.from,
      to: message.to,
      fromLabel: from.label,
      toLabel: to.label,
      kind: message.kind ?? 'request',
      eventId: message.eventId,
      x1: from.x,
      x2: to.x,
      y: arrowY,
      head: arrowHead(from.x, to.x, arrowY),
      lines: Object.freeze(lines),
      label: message.label,
      params: Object.freeze(params.map(([name, value]) => [name, value] as const)),
    });
  });

  const height = y + margin;
  const placedLifelines: PlacedLifeline[] = lifelines.map((line) => ({
    id: line.id,
    label: line.label,
    x: place(line.id).x,
    top: margin + headerHeight,
    bottom: height - margin,
  }));
  return Object.freeze({
    title: options.title,
    summary: `${arrows.length} recorded ${arrows.length === 1 ? 'message' : 'messages'} between ${lifelines
      .map((line) => line.label)
      .join(', ')}, oldest first.`,
    width,
    height,
    headerHeight,
    lifelines: Object.freeze(placedLifelines),
    arrows: Object.freeze(arrows),
  });
}
