/**
 * "Try to break it": the attacks that apply to a public client, each run for real from this app
 * against the running provider and API, shown as what was sent, what came back and the rule that
 * refused it. Each result carries data-attack and data-outcome (react-native-web `dataSet`), so
 * tests read the outcome the learner sees. An accepted attack is a failed defence, shown in red.
 */
import { labAttackCatalogue, type LabAttackResult } from '@oauth-ref/pkce-client';
import { Text, View, type ViewProps } from 'react-native';
import type { AuthController } from '../auth/auth-controller.js';
import type { AuthViewState, LabGroup } from '../auth/auth-state.js';
import { Button } from './button.js';
import { colours, styles } from './theme.js';

/** react-native-web renders `dataSet` as data-* attributes; React Native's types do not list it. */
const dataSet = (data: Record<string, string>) => ({ dataSet: data }) as unknown as ViewProps;

const GROUPS: readonly { group: LabGroup; label: string; note: string }[] = [
  {
    group: 'keeps-session',
    label: 'Run the attacks that keep my session',
    note: 'Your tokens, sent the wrong way: as Bearer, without a proof, with another key’s proof, a replayed proof, the ID token as access token, and the refresh token without the key. Nothing is spent.',
  },
  {
    group: 'code-replay',
    label: 'Replay my sign-in code (ends the session)',
    note: 'A made-up code_verifier, then the code redeemed twice. Within a minute of signing in, the replay makes the provider revoke the grant: you will have to sign in again.',
  },
  {
    group: 'refresh-replay',
    label: 'Replay a rotated refresh token (ends the session)',
    note: 'One legitimate rotation, then the old refresh token again. The provider revokes the whole family, yours included: you will have to sign in again.',
  },
];

export function LabView({
  state,
  controller,
}: {
  state: AuthViewState;
  controller: AuthController;
}) {
  const signedIn = state.session.status === 'signed-in';
  const { running, results } = state.lab;
  return (
    <View style={styles.card} testID="lab" role="region" aria-label="Try to break it">
      <Text role="heading" aria-level={2} style={styles.h2}>
        Try to break it
      </Text>
      <Text style={styles.muted}>
        The attacks that apply to a public client, sent for real from this app to{' '}
        {state.session.tokens
          ? 'the provider and the API'
          : 'the provider and the API once you sign in'}
        . Every one should be refused; a red “accepted” would be a broken defence.
      </Text>
      {GROUPS.map(({ group, label, note }) => (
        <View key={group} style={{ gap: 4 }}>
          <View style={styles.row}>
            <Button
              label={running === group ? 'Running…' : label}
              accessibleName={label}
              variant={group === 'keeps-session' ? 'primary' : 'secondary'}
              onPress={() => void controller.runLab(group)}
              disabled={!signedIn || running !== undefined || state.busy}
            />
          </View>
          <Text style={styles.muted}>{note}</Text>
        </View>
      ))}
      {results.length > 0 ? (
        <View role="list" aria-label="Attack results" style={{ gap: 8 }}>
          {results.map((result) => (
            <AttackResultView key={result.id} result={result} />
          ))}
        </View>
      ) : null}
    </View>
  );
}

function AttackResultView({ result }: { result: LabAttackResult }) {
  const tone =
    result.outcome === 'refused'
      ? { fg: colours.ok, bg: colours.okBg, label: 'Refused — the defence held' }
      : result.outcome === 'accepted'
        ? { fg: colours.refused, bg: colours.refusedBg, label: 'ACCEPTED — the defence failed' }
        : { fg: colours.muted, bg: colours.code, label: 'Could not tell' };
  const answer =
    result.status === undefined
      ? 'no answer'
      : `${result.status}${result.error ? ` ${result.error}` : ''}${result.errorDescription ? ` — ${result.errorDescription}` : ''}`;
  return (
    <View
      role="listitem"
      testID={`attack-${result.id}`}
      {...dataSet({ attack: result.id, outcome: result.outcome })}
      style={{
        borderLeftWidth: 4,
        borderLeftColor: tone.fg,
        backgroundColor: tone.bg,
        borderRadius: 6,
        padding: 10,
        gap: 6,
      }}
    >
      <Text style={[styles.body, { fontWeight: '700' }]}>
        {labAttackCatalogue[result.id].title}
      </Text>
      <Text style={[styles.body, { fontWeight: '700', color: tone.fg }]} testID="attack-outcome">
        {tone.label}
      </Text>
      <Text style={styles.muted}>Attacker sends</Text>
      <View style={styles.codeBlock}>
        {result.sent.map((line, index) => (
          <Text key={index} style={styles.mono} selectable>
            {line}
          </Text>
        ))}
      </View>
      <View style={styles.keyValue}>
        <Text style={styles.key}>answer</Text>
        <Text style={[styles.mono, { flexShrink: 1 }]}>{answer}</Text>
      </View>
      {result.wwwAuthenticate ? (
        <View style={styles.keyValue}>
          <Text style={styles.key}>WWW-Authenticate</Text>
          <Text style={[styles.mono, { flexShrink: 1 }]}>{result.wwwAuthenticate}</Text>
        </View>
      ) : null}
      <View style={styles.keyValue}>
        <Text style={styles.key}>rule</Text>
        <Text style={[styles.body, { flexShrink: 1 }]}>{result.rule}</Text>
      </View>
      <Text style={styles.body}>{result.detail}</Text>
    </View>
  );
}
