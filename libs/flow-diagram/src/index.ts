export type {
  DiagramMessage,
  Lifeline,
  MessageKind,
  PlacedArrow,
  PlacedLifeline,
  PlacedText,
  SequenceDiagramModel,
} from './diagram-types.js';
export { layoutSequenceDiagram, type LayoutOptions } from './layout-sequence-diagram.js';
export { describeArrow } from './describe-arrow.js';
export { escapeXml } from './escape-xml.js';
export { shortenText } from './shorten-text.js';
export { renderSvgMarkup } from './render-svg-markup.js';
