/**
 * The input and output shapes of a sequence diagram. The input is what an app recorded (who sent
 * what to whom, with which parameters); the output is geometry in user units plus the text that
 * goes in it, so any renderer (React DOM, React Native Views, an SVG string) draws the same thing.
 */

/**
 * A participant drawn as a vertical line.
 *
 * @example
 * const browser: Lifeline = { id: 'browser', label: 'Browser' };
 */
export interface Lifeline {
  readonly id: string;
  readonly label: string;
}

/**
 * `request` is drawn solid, `response` dashed, `error` dashed and marked as a failure.
 *
 * @example
 * const kind: MessageKind = 'response';
 */
export type MessageKind = 'request' | 'response' | 'error';

/**
 * One recorded message: an arrow from one lifeline to another.
 *
 * @example
 * const message: DiagramMessage = {
 *   from: 'browser', to: 'provider', label: 'GET /auth',
 *   params: [['response_type', 'code'], ['code_challenge_method', 'S256']],
 * };
 */
export interface DiagramMessage {
  readonly from: string;
  readonly to: string;
  /** What happened, e.g. `POST /token` or `200 tokens`. */
  readonly label: string;
  /** Name/value pairs shown under the label, in order. */
  readonly params?: ReadonlyArray<readonly [string, string]>;
  readonly kind?: MessageKind;
  /** The id of the recorded event this arrow comes from (for tests and links). */
  readonly eventId?: string;
}

/**
 * A line of text placed in the diagram. `text` is raw: renderers escape it.
 *
 * @example
 * arrow.lines.map((line) => <text x={line.x} y={line.y}>{line.text}</text>);
 */
export interface PlacedText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

/**
 * A lifeline with its position: header box centred on `x`, line from `top` to `bottom`.
 *
 * @example
 * model.lifelines.map((line) => `${line.label} at x=${line.x}`);
 */
export interface PlacedLifeline extends Lifeline {
  readonly x: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * An arrow with its position: from (`x1`, `y`) to (`x2`, `y`), head at `x2`, its label and
 * parameter lines above it, left-aligned at `lines[0].x`.
 *
 * @example
 * model.arrows.map((arrow) => `${arrow.number}. ${arrow.fromLabel} → ${arrow.toLabel}`);
 */
export interface PlacedArrow {
  /** 1-based position in the sequence. */
  readonly number: number;
  readonly from: string;
  readonly to: string;
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly kind: MessageKind;
  readonly eventId: string | undefined;
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  /** Polygon points of the arrow head, as SVG `points` text. */
  readonly head: string;
  /** The label (with its number), then one line per parameter, shortened to fit. */
  readonly lines: readonly PlacedText[];
  /** The label and every parameter in full, for the text alternative. */
  readonly label: string;
  readonly params: ReadonlyArray<readonly [string, string]>;
}

/**
 * Everything a renderer needs, in SVG user units.
 *
 * @example
 * `<svg viewBox="0 0 ${model.width} ${model.height}">`;
 */
export interface SequenceDiagramModel {
  readonly title: string;
  /** One sentence saying what the diagram shows, for `<desc>`. */
  readonly summary: string;
  readonly width: number;
  readonly height: number;
  readonly headerHeight: number;
  readonly lifelines: readonly PlacedLifeline[];
  readonly arrows: readonly PlacedArrow[];
}
