/**
 * The flow log as a sequence diagram (app, provider, API), drawn with plain Views from the
 * libs/flow-diagram model: react-native-svg is not installed, and Views render the same on
 * iOS, Android and react-native-web. Positions are the model's, as percentages of its width.
 * The whole drawing is one image whose accessible name lists every arrow in full.
 */
import { describeArrow, layoutSequenceDiagram, type PlacedArrow } from '@oauth-ref/flow-diagram';
import type { FlowLog } from '@oauth-ref/pkce-client';
import { Text, View } from 'react-native';
import { buildFlowLogMessages, MOBILE_LIFELINES } from './flow-log-diagram-messages.js';
import { colours, styles } from './theme.js';

const percent = (part: number, whole: number): `${number}%` => `${(part / whole) * 100}%`;

const KIND_COLOURS = {
  request: colours.accent,
  response: colours.ok,
  error: colours.refused,
} as const;

function ArrowRow({ arrow, width }: { arrow: PlacedArrow; width: number }) {
  const left = percent(Math.min(arrow.x1, arrow.x2), width);
  const span = percent(Math.abs(arrow.x2 - arrow.x1), width);
  const colour = KIND_COLOURS[arrow.kind];
  const rightwards = arrow.x2 > arrow.x1;
  return (
    <View testID="flow-diagram-arrow" style={{ paddingVertical: 4 }}>
      <View style={{ marginLeft: left, paddingLeft: 4 }}>
        {arrow.lines.map((line, index) => (
          <Text
            key={index}
            numberOfLines={1}
            style={
              index === 0
                ? {
                    fontWeight: '700',
                    fontSize: 12,
                    color: arrow.kind === 'error' ? colour : colours.ink,
                  }
                : [styles.mono, { fontSize: 11 }]
            }
          >
            {line.text}
          </Text>
        ))}
      </View>
      <View style={{ height: 10, justifyContent: 'center' }}>
        <View
          style={{
            position: 'absolute',
            left,
            width: span,
            borderTopWidth: 2,
            borderStyle: arrow.kind === 'request' ? 'solid' : 'dashed',
            borderColor: colour,
          }}
        />
        <Text
          style={{
            position: 'absolute',
            left: percent(arrow.x2, width),
            marginLeft: rightwards ? -9 : -1,
            top: -5,
            fontSize: 11,
            color: colour,
          }}
        >
          {rightwards ? '▶' : '◀'}
        </Text>
      </View>
    </View>
  );
}

/** The diagram of the log so far; nothing before the first request. */
export function FlowLogDiagram({ log }: { log: FlowLog }) {
  const model = layoutSequenceDiagram(MOBILE_LIFELINES, buildFlowLogMessages(log), {
    title: 'This session as a sequence diagram',
    // no outer margin: lane centres fall at 1/6, 1/2, 5/6, under the flex header columns
    margin: 0,
    laneWidth: 130,
    charWidth: 7,
  });
  if (model.arrows.length === 0) return null;
  const description = [model.summary, ...model.arrows.map(describeArrow)].join('\n');
  return (
    <View style={{ gap: 6 }}>
      <Text role="heading" aria-level={3} style={[styles.h2, { fontSize: 16 }]}>
        Sequence diagram
      </Text>
      <View
        testID="flow-diagram"
        role="img"
        aria-label={`${model.title}. ${description}`}
        style={{
          borderWidth: 1,
          borderColor: colours.border,
          borderRadius: 8,
          paddingBottom: 6,
          overflow: 'hidden',
        }}
      >
        {model.lifelines.map((line) => (
          <View
            key={`line-${line.id}`}
            style={{
              position: 'absolute',
              top: 28,
              bottom: 0,
              left: percent(line.x, model.width),
              borderLeftWidth: 1,
              borderStyle: 'dotted',
              borderColor: colours.muted,
            }}
          />
        ))}
        <View style={{ flexDirection: 'row', height: 28, alignItems: 'center' }}>
          {model.lifelines.map((line) => (
            <Text
              key={line.id}
              style={{ flex: 1, textAlign: 'center', fontWeight: '700', color: colours.ink }}
            >
              {line.label}
            </Text>
          ))}
        </View>
        {model.arrows.map((arrow) => (
          <ArrowRow key={arrow.number} arrow={arrow} width={model.width} />
        ))}
      </View>
    </View>
  );
}
