import type { PlacedArrow } from './diagram-types.js';

/**
 * One arrow as a sentence with every parameter in full: the text alternative of the drawing.
 *
 * @example
 * describeArrow(model.arrows[0]); // '1. Browser → Provider: GET /auth (response_type=code)'
 */
export function describeArrow(arrow: PlacedArrow): string {
  const params =
    arrow.params.length === 0
      ? ''
      : ` (${arrow.params.map(([name, value]) => `${name}=${value}`).join(', ')})`;
  const failed = arrow.kind === 'error' ? ' [refused]' : '';
  return `${arrow.number}. ${arrow.fromLabel} → ${arrow.toLabel}: ${arrow.label}${failed}${params}`;
}
