/**
 * The app's colours and styles, light and dark. The scheme follows the device setting
 * (`prefers-color-scheme` on the web, the OS appearance natively) through React Native's
 * Appearance API: `colours` and `styles` read the current scheme each time a component renders,
 * and the root component subscribes with `useColorScheme()` so every screen re-renders when it
 * changes. Every pair of ink and background below meets WCAG AA contrast in both schemes.
 */
import { Appearance, Platform, StyleSheet, type TextStyle, useColorScheme } from 'react-native';

// Long tokens have no spaces: let the browser break them anywhere (react-native-web style).
const breakAnywhere = (Platform.OS === 'web' ? { wordBreak: 'break-all' } : {}) as TextStyle;

export type ColourScheme = 'light' | 'dark';

const palettes = {
  light: {
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
    inputBg: '#ffffff',
    placeholder: '#6b7280',
    knob: '#ffffff',
  },
  dark: {
    page: '#0f141c',
    card: '#19202b',
    ink: '#e6e9ef',
    muted: '#a9b1bf',
    border: '#344052',
    accent: '#8fb0ff',
    accentInk: '#0b1220',
    ok: '#7fd8a8',
    okBg: '#13291f',
    refused: '#ff9f94',
    refusedBg: '#3a1714',
    info: '#8fb0ff',
    infoBg: '#172238',
    code: '#111823',
    inputBg: '#0f141c',
    placeholder: '#9aa3b2',
    knob: '#0b1220',
  },
} as const;

export type Palette = { readonly [K in keyof (typeof palettes)['light']]: string };

function createStyles(c: Palette) {
  return StyleSheet.create({
    page: { flex: 1, backgroundColor: c.page },
    content: { padding: 16, gap: 16, maxWidth: 980, width: '100%', alignSelf: 'center' },
    card: {
      backgroundColor: c.card,
      borderRadius: 10,
      borderWidth: 1,
      borderColor: c.border,
      padding: 16,
      gap: 10,
    },
    h1: { fontSize: 24, fontWeight: '700', color: c.ink },
    h2: { fontSize: 18, fontWeight: '700', color: c.ink },
    body: { fontSize: 14, color: c.ink, lineHeight: 20 },
    muted: { fontSize: 13, color: c.muted, lineHeight: 18 },
    mono: { fontFamily: 'monospace', fontSize: 12, color: c.ink, ...breakAnywhere },
    row: { flexDirection: 'row', flexWrap: 'wrap', gap: 8, alignItems: 'center' },
    button: {
      backgroundColor: c.accent,
      paddingVertical: 9,
      paddingHorizontal: 14,
      borderRadius: 8,
    },
    buttonSecondary: {
      backgroundColor: c.card,
      borderWidth: 1,
      borderColor: c.accent,
      paddingVertical: 8,
      paddingHorizontal: 13,
      borderRadius: 8,
    },
    buttonDisabled: { opacity: 0.45 },
    buttonText: { color: c.accentInk, fontWeight: '600', fontSize: 14 },
    buttonSecondaryText: { color: c.accent, fontWeight: '600', fontSize: 14 },
    input: {
      borderWidth: 1,
      borderColor: c.border,
      borderRadius: 8,
      padding: 9,
      fontSize: 14,
      color: c.ink,
      backgroundColor: c.inputBg,
    },
    keyValue: { flexDirection: 'row', flexWrap: 'wrap', gap: 6 },
    key: { fontFamily: 'monospace', fontSize: 12, color: c.muted, minWidth: 150 },
    codeBlock: { backgroundColor: c.code, borderRadius: 6, padding: 8 },
  });
}

type Styles = ReturnType<typeof createStyles>;

const sheets: Readonly<Record<ColourScheme, Styles>> = {
  light: createStyles(palettes.light),
  dark: createStyles(palettes.dark),
};

/** The scheme the device asks for now (anything but "dark" is light). */
export function currentColourScheme(): ColourScheme {
  return Appearance.getColorScheme() === 'dark' ? 'dark' : 'light';
}

/** An object whose properties are read from the current scheme's object at each access. */
function followScheme<T extends object>(pick: (scheme: ColourScheme) => T): T {
  return new Proxy({} as T, {
    get: (_target, key) => pick(currentColourScheme())[key as keyof T],
    has: (_target, key) => key in pick(currentColourScheme()),
    ownKeys: () => Reflect.ownKeys(pick(currentColourScheme())),
    getOwnPropertyDescriptor: (_target, key) => ({
      configurable: true,
      enumerable: true,
      value: pick(currentColourScheme())[key as keyof T],
    }),
  });
}

/** The current scheme's colours (read them while rendering, never at module load). */
export const colours: Palette = followScheme((scheme) => palettes[scheme]);

/** The current scheme's styles (read them while rendering, never at module load). */
export const styles: Styles = followScheme((scheme) => sheets[scheme]);

/**
 * Subscribes the calling component to the device's colour scheme; the root calls it so that the
 * whole tree re-renders (and re-reads `colours` / `styles`) when the scheme changes.
 */
export function useColourScheme(): ColourScheme {
  return useColorScheme() === 'dark' ? 'dark' : 'light';
}
