import {
  displayFlowField,
  type FlowField,
  type FlowLog,
  type FlowStep,
} from '@oauth-ref/pkce-client';
import { useState } from 'react';
import { Text, View } from 'react-native';
import { Button } from './button.js';
import { FlowLogDiagram } from './flow-log-diagram.js';
import { colours, styles } from './theme.js';

// a function: the colours follow the current light/dark scheme, read at render time
const outcomeColours = () =>
  ({
    info: { fg: colours.info, bg: colours.infoBg, label: 'step' },
    ok: { fg: colours.ok, bg: colours.okBg, label: 'passed' },
    refused: { fg: colours.refused, bg: colours.refusedBg, label: 'refused' },
  }) as const;

/** The step-by-step flow log: what PKCE adds, as it happens. */
export function FlowLogView({ log }: { log: FlowLog }) {
  return (
    <View style={styles.card} testID="flow-log" aria-label="Flow log">
      <Text role="heading" aria-level={2} style={styles.h2}>
        Flow log
      </Text>
      <Text style={styles.muted}>
        Every step of Authorization Code + PKCE as it happens. Secrets (verifier, code, refresh
        token) stay masked; tokens are masked until you expand them, then shown decoded (decoding is
        not verifying).
      </Text>
      {log.length === 0 ? <Text style={styles.muted}>Nothing yet.</Text> : null}
      <FlowLogDiagram log={log} />
      {log.map((step) => (
        <FlowStepView key={step.id} step={step} />
      ))}
    </View>
  );
}

function FlowStepView({ step }: { step: FlowStep }) {
  const tone = outcomeColours()[step.outcome];
  return (
    <View
      testID={`flow-step-${step.kind}`}
      role="group"
      aria-label={`Step ${step.id}: ${step.title}`}
      style={{
        borderLeftWidth: 4,
        borderLeftColor: tone.fg,
        backgroundColor: tone.bg,
        borderRadius: 6,
        padding: 10,
        gap: 6,
      }}
    >
      <View style={styles.row}>
        <Text style={{ fontWeight: '700', color: tone.fg }}>{step.id}.</Text>
        <Text style={{ fontWeight: '700', color: colours.ink, flexShrink: 1 }}>{step.title}</Text>
        <Text style={[styles.muted, { marginLeft: 'auto' }]}>
          {tone.label} · {new Date(step.at).toLocaleTimeString()}
        </Text>
      </View>
      <Text style={styles.muted}>{step.explanation}</Text>
      {step.fields.map((field, index) => (
        <FieldView key={`${field.label}-${index}`} field={field} stepId={step.id} />
      ))}
    </View>
  );
}

function FieldView({ field, stepId }: { field: FlowField; stepId: string }) {
  const [expanded, setExpanded] = useState(false);
  const display = displayFlowField(field, expanded);
  return (
    <View style={{ gap: 4 }}>
      <View style={styles.keyValue}>
        <Text style={styles.key}>{field.label}</Text>
        <Text style={[styles.mono, { flexShrink: 1 }]} selectable testID={`field-${field.label}`}>
          {display.text}
        </Text>
        {field.sensitivity === 'secret' ? (
          <Text style={styles.muted}>(secret: always masked)</Text>
        ) : null}
        {field.sensitivity === 'token' ? (
          <Button
            variant="secondary"
            label={expanded ? 'Hide' : 'Show & decode'}
            accessibleName={`${expanded ? 'Hide' : 'Show'} ${field.label} (step ${stepId})`}
            onPress={() => setExpanded((value) => !value)}
          />
        ) : null}
      </View>
      {display.decoded ? (
        <View style={styles.codeBlock} testID={`decoded-${field.label}`}>
          {display.decoded.kind === 'jwt' ? (
            <>
              <Text style={styles.muted}>header (decoded, not verified here)</Text>
              <Text style={styles.mono} selectable>
                {JSON.stringify(display.decoded.header, null, 2)}
              </Text>
              <Text style={styles.muted}>payload</Text>
              <Text style={styles.mono} selectable>
                {JSON.stringify(display.decoded.payload, null, 2)}
              </Text>
            </>
          ) : (
            <Text style={styles.muted}>Opaque token: {display.decoded.reason}</Text>
          )}
        </View>
      ) : null}
    </View>
  );
}
