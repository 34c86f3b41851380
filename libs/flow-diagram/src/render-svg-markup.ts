/**
 * The model as a standalone SVG document string, for renderers without a DOM of their own (an
 * `<img>` data URL, a file, a server response). Every text is escaped; colours follow
 * `currentColor` so the drawing takes the surrounding text colour (light and dark themes).
 */
import { describeArrow } from './describe-arrow.js';
import type { SequenceDiagramModel } from './diagram-types.js';
import { escapeXml } from './escape-xml.js';

/**
 * @example
 * const svg = renderSvgMarkup(layoutSequenceDiagram(lifelines, messages, { title: 'Sign-in' }));
 * svg.startsWith('<svg'); // true
 */
export function renderSvgMarkup(model: SequenceDiagramModel): string {
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="flow-diagram-title flow-diagram-desc" viewBox="0 0 ${model.width} ${model.height}" width="${model.width}" height="${model.height}" font-family="ui-monospace, monospace" font-size="12" fill="currentColor">`,
    `<title id="flow-diagram-title">${escapeXml(model.title)}</title>`,
    `<desc id="flow-diagram-desc">${escapeXml(
      [model.summary, ...model.arrows.map(describeArrow)].join('\n'),
    )}</desc>`,
  ];
  for (const line of model.lifelines) {
    const top = line.top - model.headerHeight;
    parts.push(
      `<g data-lifeline="${escapeXml(line.id)}"><rect x="${line.x - 70}" y="${top}" width="140" height="${model.headerHeight - 6}" rx="4" fill="none" stroke="currentColor"/>`,
      `<text x="${line.x}" y="${top + model.headerHeight / 2 + 1}" text-anchor="middle">${escapeXml(line.label)}</text>`,
      `<line x1="${line.x}" y1="${line.top - 6}" x2="${line.x}" y2="${line.bottom}" stroke="currentColor" stroke-dasharray="2 4"/></g>`,
    );
  }
  for (const arrow of model.arrows) {
    const dashed = arrow.kind === 'request' ? '' : ' stroke-dasharray="6 4"';
    parts.push(
      `<g data-arrow="${arrow.number}" data-kind="${arrow.kind}">`,
      ...arrow.lines.map(
        (text) => `<text x="${text.x}" y="${text.y}">${escapeXml(text.text)}</text>`,
      ),
      `<line x1="${arrow.x1}" y1="${arrow.y}" x2="${arrow.x2}" y2="${arrow.y}" stroke="currentColor"${dashed}/>`,
      `<polygon points="${arrow.head}"/></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
