import { Platform, StyleSheet, type TextStyle } from 'react-native';

// Long tokens have no spaces: let the browser break them anywhere (react-native-web style).
const breakAnywhere = (Platform.OS === 'web' ? { wordBreak: 'break-all' } : {}) as TextStyle;

export const colours = {
  page: '#f4f6fb',
  card: '#ffffff',
  ink: '#1b2333',
  muted: '#5b6475',
  border: '#dde2ec',
  accent: '#2952cc',
  accentInk: '#ffffff',
  ok: '#1f7a4d',
  okBg: '#e7f5ee',
  refused: '#b42318',
  refusedBg: '#fdecea',
  info: '#2952cc',
  infoBg: '#eaf0fd',
  code: '#f1f3f8',
};

export const styles = StyleSheet.create({
  page: { flex: 1, backgroundColor: colours.page },
  content: { padding: 16, gap: 16, maxWidth: 980, width: '100%', alignSelf: 'center' },
  card: {
    backgroundColor: colours.card,
    borderRadius: 10,
    borderWidth: 1,
    borderColor: colours.border,
    padding: 16,
    gap: 10,
  },
  h1: { fontSize: 24, fontWeight: '700', color: colours.ink },
  h2: { fontSize: 18, fontWeight: '700', color: colours.ink },
  body: { fontSize: 14, color: colours.ink, lineHeight: 20 },
  muted: { fontSize: 13, color: colours.muted, lineHeight: 18 },
  mono: { fontFamily: 'monospace', fontSize: 12, color: colours.ink, ...breakAnywhere },
  row: { flexDirection: 'row', flexWrap: 'wrap', gap: 8, alignItems: 'center' },
  button: {
    backgroundColor: colours.accent,
    paddingVertical: 9,
    paddingHorizontal: 14,
    borderRadius: 8,
  },
  buttonSecondary: {
    backgroundColor: colours.card,
    borderWidth: 1,
    borderColor: colours.accent,
    paddingVertical: 8,
    paddingHorizontal: 13,
    borderRadius: 8,
  },
  buttonDisabled: { opacity: 0.45 },
  buttonText: { color: colours.accentInk, fontWeight: '600', fontSize: 14 },
  buttonSecondaryText: { color: colours.accent, fontWeight: '600', fontSize: 14 },
  input: {
    borderWidth: 1,
    borderColor: colours.border,
    borderRadius: 8,
    padding: 9,
    fontSize: 14,
    color: colours.ink,
    backgroundColor: '#fff',
  },
  keyValue: { flexDirection: 'row', flexWrap: 'wrap', gap: 6 },
  key: { fontFamily: 'monospace', fontSize: 12, color: colours.muted, minWidth: 150 },
  codeBlock: { backgroundColor: colours.code, borderRadius: 6, padding: 8 },
});
