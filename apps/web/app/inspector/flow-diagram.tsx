/**
 * The session's sequence diagram, drawn on the server as SVG from the flow-diagram model: no
 * client-side library, no script. The SVG is an image whose title and description say what it
 * shows; the list under it gives every arrow with every parameter in full, as text.
 */
import { describeArrow, type SequenceDiagramModel } from '@oauth-ref/flow-diagram';
import './flow-diagram.css';

const KIND_CLASS = { request: 'fd-request', response: 'fd-response', error: 'fd-error' } as const;

export function FlowDiagram({ model }: { model: SequenceDiagramModel }) {
  return (
    <figure className="fd-figure" data-testid="flow-diagram" aria-labelledby="flow-diagram-caption">
      <div
        className="fd-scroll"
        // a scrollable region must be reachable from the keyboard
        tabIndex={0}
        role="region"
        aria-label="Sequence diagram (scrolls sideways)"
      >
        <svg
          className="fd-svg"
          role="img"
          aria-labelledby="flow-diagram-title flow-diagram-desc"
          viewBox={`0 0 ${model.width} ${model.height}`}
          width={model.width}
          height={model.height}
        >
          <title id="flow-diagram-title">{model.title}</title>
          <desc id="flow-diagram-desc">{model.summary}</desc>
          {model.lifelines.map((line) => (
            <g key={line.id} data-lifeline={line.id}>
              <rect
                className="fd-header"
                x={line.x - 70}
                y={line.top - model.headerHeight}
                width={140}
                height={model.headerHeight - 6}
                rx={4}
              />
              <text
                className="fd-header-text"
                x={line.x}
                y={line.top - model.headerHeight / 2 + 1}
                textAnchor="middle"
              >
                {line.label}
              </text>
              <line
                className="fd-lifeline"
                x1={line.x}
                y1={line.top - 6}
                x2={line.x}
                y2={line.bottom}
              />
            </g>
          ))}
          {model.arrows.map((arrow) => (
            <g
              key={arrow.number}
              className={KIND_CLASS[arrow.kind]}
              data-arrow={arrow.number}
              data-kind={arrow.kind}
              data-from={arrow.from}
              data-to={arrow.to}
              data-event={arrow.eventId}
              data-label={arrow.label}
            >
              {arrow.lines.map((text, index) => (
                <text
                  key={index}
                  className={index === 0 ? 'fd-label' : 'fd-text'}
                  x={text.x}
                  y={text.y}
                >
                  {text.text}
                </text>
              ))}
              <line className="fd-line" x1={arrow.x1} y1={arrow.y} x2={arrow.x2} y2={arrow.y} />
              <polygon className="fd-head" points={arrow.head} />
            </g>
          ))}
        </svg>
      </div>
      <figcaption id="flow-diagram-caption">
        <details>
          <summary>
            The diagram as text: {model.arrows.length}{' '}
            {model.arrows.length === 1 ? 'arrow' : 'arrows'}, every parameter in full
          </summary>
          <ol className="fd-steps" data-testid="flow-diagram-steps">
            {model.arrows.map((arrow) => (
              <li key={arrow.number}>{describeArrow(arrow).replace(/^\d+\. /, '')}</li>
            ))}
          </ol>
        </details>
      </figcaption>
    </figure>
  );
}
