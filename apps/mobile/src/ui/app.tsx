import { StatusBar } from 'expo-status-bar';
import { useEffect, useState } from 'react';
import { Pressable, ScrollView, Text, TextInput, View } from 'react-native';
import { createAuthController } from '../auth/create-auth-controller.js';
import type { AuthController } from '../auth/auth-controller.js';
import type { AuthViewState } from '../auth/auth-state.js';
import { appConfig } from '../config/app-config.js';
import { Button } from './button.js';
import { FlowLogView } from './flow-log-view.js';
import { LabView } from './lab-view.js';
import { colours, styles, useColourScheme } from './theme.js';
import { useAuthState } from './use-auth-state.js';

const { controller, callbackUrl } = createAuthController();
let started = false;

/**
 * The one screen: configuration, controls, API calls, the flow log and the lab. Landmarks (banner,
 * main) hold every piece of content; the colours follow the device's light or dark setting.
 */
export function App() {
  const state = useAuthState(controller);
  const scheme = useColourScheme();
  useEffect(() => {
    if (started) return;
    started = true;
    void controller.start(callbackUrl);
  }, []);
  useEffect(() => {
    // web: native form controls and scrollbars follow the scheme too
    if (typeof document !== 'undefined') document.documentElement.style.colorScheme = scheme;
  }, [scheme]);
  return (
    <ScrollView style={styles.page} contentContainerStyle={styles.content}>
      <StatusBar style={scheme === 'dark' ? 'light' : 'dark'} />
      <View role="banner" style={{ gap: 4 }}>
        <Text role="heading" aria-level={1} style={styles.h1}>
          OAuth Reference — mobile public client
        </Text>
        <Text style={styles.muted}>
          Authorization Code + PKCE (S256), no client secret. Expo / React Native, running{' '}
          {appConfig.platform === 'web'
            ? 'in the browser through react-native-web'
            : `on ${appConfig.platform}`}
          .
        </Text>
      </View>
      <View role="main" style={{ gap: 16 }}>
        {state.reloadNotice ? <ReloadNotice /> : null}
        <StatusCard state={state} />
        {state.error ? <ErrorBanner error={state.error} /> : null}
        <ControlsCard state={state} controller={controller} />
        <ApiCard state={state} controller={controller} />
        <FlowLogView log={state.log} />
        <LabView state={state} controller={controller} />
        <StorageCard />
      </View>
    </ScrollView>
  );
}

/** Why a reload signed this tab out: the tokens were in memory, on purpose. */
function ReloadNotice() {
  return (
    <View
      role="status"
      testID="reload-notice"
      style={[styles.card, { borderColor: colours.info, backgroundColor: colours.infoBg }]}
    >
      <Text role="heading" aria-level={2} style={styles.h2}>
        The reload signed this tab out — on purpose
      </Text>
      <Text style={styles.body}>
        This tab was signed in. Its access, ID and refresh tokens were kept in this page&apos;s
        memory only, never in localStorage, sessionStorage or cookies, so that a script injected
        into the page later cannot read them from storage and closing the tab forgets them. A reload
        starts a new page with empty memory, so the tokens are gone. Sign in again (the provider may
        remember you, so it can be one click).
      </Text>
    </View>
  );
}

function StatusCard({ state }: { state: AuthViewState }) {
  const claims = state.session.tokens?.idTokenClaims;
  const signedIn = state.session.status === 'signed-in';
  return (
    <View style={styles.card} aria-live="polite" testID="status">
      <Text role="heading" aria-level={2} style={styles.h2}>
        Session
      </Text>
      <Text style={styles.body} testID="session-status">
        {signedIn
          ? `Signed in as ${String(claims?.name ?? claims?.preferred_username ?? claims?.sub ?? 'unknown')}`
          : state.session.status === 'ended'
            ? 'Session ended: the provider refused the refresh token. Sign in again.'
            : phaseText(state.phase)}
      </Text>
      {signedIn ? (
        <Text style={styles.muted} testID="granted-scope">
          Access token scope: {state.session.tokens?.scope.join(' ')} (audience {appConfig.resource}
          ; the OpenID scopes were used for the ID token)
        </Text>
      ) : null}
      <View style={styles.keyValue}>
        <Text style={styles.key}>issuer</Text>
        <Text style={styles.mono}>{appConfig.issuer}</Text>
      </View>
      <View style={styles.keyValue}>
        <Text style={styles.key}>client_id</Text>
        <Text style={styles.mono}>{appConfig.clientId} (public: no secret)</Text>
      </View>
      <View style={styles.keyValue}>
        <Text style={styles.key}>redirect_uri</Text>
        <Text style={styles.mono}>{appConfig.redirectUri}</Text>
      </View>
      <View style={styles.keyValue}>
        <Text style={styles.key}>API / resource</Text>
        <Text style={styles.mono}>{appConfig.apiUrl}</Text>
      </View>
      {appConfig.allowInsecureHttp ? (
        <Text style={[styles.muted, { color: colours.refused }]}>
          http:// endpoints are allowed because this is a local demo; a real issuer and API use
          https.
        </Text>
      ) : null}
    </View>
  );
}

function phaseText(phase: AuthViewState['phase']): string {
  switch (phase) {
    case 'starting':
      return 'Contacting the provider…';
    case 'unavailable':
      return 'The provider could not be reached (see the error below).';
    case 'redirecting':
      return 'Opening the provider…';
    case 'exchanging':
      return 'Checking the callback and exchanging the code…';
    default:
      return 'Signed out';
  }
}

/** Codes that mean "no HTTP answer", not a refusal. */
const UNREACHABLE = new Set(['api_unreachable', 'provider_unreachable', 'discovery_failed']);

function ErrorBanner({ error }: { error: { code: string; message: string } }) {
  return (
    <View
      role="alert"
      testID="error-banner"
      style={[styles.card, { borderColor: colours.refused, backgroundColor: colours.refusedBg }]}
    >
      <Text style={[styles.body, { fontWeight: '700', color: colours.refused }]}>
        {UNREACHABLE.has(error.code) ? 'No answer' : 'Refused'}: {error.code}
      </Text>
      <Text style={styles.body}>{error.message}</Text>
    </View>
  );
}

function ControlsCard({ state, controller }: { state: AuthViewState; controller: AuthController }) {
  const signedIn = state.session.status === 'signed-in';
  const canSignIn =
    !signedIn && (state.phase === 'ready' || state.phase === 'signed-in') && !state.busy;
  return (
    <View style={styles.card}>
      <Text role="heading" aria-level={2} style={styles.h2}>
        Sign-in
      </Text>
      <Pressable
        role="switch"
        aria-checked={state.requestWriteScope}
        aria-label="Request notes:write scope"
        disabled={signedIn}
        onPress={() => controller.setRequestWriteScope(!state.requestWriteScope)}
        style={[styles.row, signedIn && styles.buttonDisabled]}
      >
        <View
          style={{
            width: 36,
            height: 20,
            borderRadius: 10,
            backgroundColor: state.requestWriteScope ? colours.accent : colours.border,
            justifyContent: 'center',
            paddingHorizontal: 2,
            alignItems: state.requestWriteScope ? 'flex-end' : 'flex-start',
          }}
        >
          <View style={{ width: 16, height: 16, borderRadius: 8, backgroundColor: colours.knob }} />
        </View>
        <Text style={styles.body}>
          Request <Text style={styles.mono}>notes:write</Text> (turn off, then create a note, to see
          a 403 insufficient_scope)
        </Text>
      </Pressable>
      <View style={styles.row}>
        {state.phase === 'unavailable' ? (
          <Button label="Retry" onPress={() => void controller.start()} disabled={state.busy} />
        ) : null}
        <Button label="Sign in" onPress={() => void controller.signIn()} disabled={!canSignIn} />
        <Button
          label="Refresh tokens"
          variant="secondary"
          onPress={() => void controller.refresh()}
          disabled={!signedIn || !state.session.hasRefreshToken || state.busy}
        />
        <Button
          label="Sign out"
          variant="secondary"
          onPress={() => void controller.signOut()}
          disabled={!signedIn || state.busy}
        />
      </View>
    </View>
  );
}

function ApiCard({ state, controller }: { state: AuthViewState; controller: AuthController }) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const signedIn = state.session.status === 'signed-in';
  const disabled = !signedIn || state.busy;
  const last = state.lastApiCall;
  return (
    <View style={styles.card}>
      <Text role="heading" aria-level={2} style={styles.h2}>
        Call the API
      </Text>
      <Text style={styles.muted}>
        Each call sends the in-memory access token to {appConfig.apiUrl} as `Authorization: DPoP`
        with a fresh proof signed by this install&apos;s key (Bearer only if the provider did not
        bind the token). A copy of the token alone is refused.
      </Text>
      <View style={styles.row}>
        <Button label="Call GET /me" onPress={() => void controller.callMe()} disabled={disabled} />
        <Button
          label="Load notes"
          onPress={() => void controller.loadNotes()}
          disabled={disabled}
        />
      </View>
      <TextInput
        aria-label="Note title"
        placeholder="Note title"
        placeholderTextColor={colours.placeholder}
        value={title}
        onChangeText={setTitle}
        style={styles.input}
      />
      <TextInput
        aria-label="Note body"
        placeholder="Note body"
        placeholderTextColor={colours.placeholder}
        value={body}
        onChangeText={setBody}
        multiline
        style={[styles.input, { minHeight: 60 }]}
      />
      <View style={styles.row}>
        <Button
          label="Create note"
          onPress={() => {
            void controller.createNote(title, body).then(() => {
              if (controller.getState().lastApiCall?.result.ok) {
                setTitle('');
                setBody('');
              }
            });
          }}
          disabled={disabled || !title.trim()}
        />
      </View>
      {last ? (
        <View
          testID="api-result"
          role={last.result.ok ? undefined : 'alert'}
          style={[
            styles.codeBlock,
            { backgroundColor: last.result.ok ? colours.okBg : colours.refusedBg },
          ]}
        >
          <Text style={[styles.body, { fontWeight: '700' }]}>
            {last.label} → {last.result.status}
          </Text>
          {!last.result.ok ? <Text style={styles.body}>{last.result.explanation}</Text> : null}
          <Text style={styles.mono} selectable>
            {JSON.stringify(last.result.body, null, 2)}
          </Text>
        </View>
      ) : null}
      {state.me ? (
        <View testID="me">
          <Text style={[styles.body, { fontWeight: '700' }]}>GET /me</Text>
          <Text style={styles.mono}>{JSON.stringify(state.me, null, 2)}</Text>
        </View>
      ) : null}
      <NotesList notes={state.notes} />
    </View>
  );
}

function NotesList({ notes }: { notes: unknown }) {
  const items = Array.isArray(notes)
    ? notes
    : notes && typeof notes === 'object' && Array.isArray((notes as { items?: unknown }).items)
      ? (notes as { items: unknown[] }).items
      : notes && typeof notes === 'object' && Array.isArray((notes as { notes?: unknown }).notes)
        ? (notes as { notes: unknown[] }).notes
        : undefined;
  if (!items) return null;
  if (items.length === 0) {
    return (
      <View testID="notes-empty" style={[styles.codeBlock, { gap: 4 }]}>
        <Text style={[styles.body, { fontWeight: '700' }]}>Your notes (0)</Text>
        <Text style={styles.body}>
          No notes yet. Write a title above and press “Create note”: the API stores it under your
          user (the token&apos;s sub) and only your tokens can read it back.
        </Text>
      </View>
    );
  }
  return (
    <View testID="notes" role="list" aria-label="Notes" style={{ gap: 6 }}>
      <Text style={[styles.body, { fontWeight: '700' }]}>Your notes ({items.length})</Text>
      {items.map((item, index) => {
        const note = (item ?? {}) as { id?: unknown; title?: unknown; body?: unknown };
        return (
          <View key={String(note.id ?? index)} role="listitem" style={styles.codeBlock}>
            <Text style={[styles.body, { fontWeight: '600' }]}>
              {String(note.title ?? '(untitled)')}
            </Text>
            <Text style={styles.muted}>{String(note.body ?? '')}</Text>
          </View>
        );
      })}
    </View>
  );
}

function StorageCard() {
  const web = appConfig.platform === 'web';
  return (
    <View style={styles.card} testID="storage-explanation">
      <Text role="heading" aria-level={2} style={styles.h2}>
        Where things are kept
      </Text>
      <Text style={styles.body}>• Access token and ID token: memory only.</Text>
      <Text style={styles.body}>• Refresh token: {appConfig.refreshTokenHome}.</Text>
      <Text style={styles.body}>
        • Pending attempt (code_verifier, state, nonce):{' '}
        {web
          ? 'sessionStorage of this tab. The authorization request is a full-page redirect, which throws away this page and its memory, so the verifier must survive the round trip to the provider; it is read once at /callback and deleted.'
          : 'memory: the system browser session returns to the running app.'}
      </Text>
      <Text style={styles.body}>• Never AsyncStorage, localStorage, cookies or logs.</Text>
    </View>
  );
}
