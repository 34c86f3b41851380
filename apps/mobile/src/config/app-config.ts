/**
 * The only module that reads the environment. Expo inlines `process.env.EXPO_PUBLIC_*` at build
 * time, and only for these literal member expressions — so each variable is named in full here.
 */
import { makeRedirectUri } from 'expo-auth-session';
import { Platform } from 'react-native';
import { type AppConfig, loadAppConfig, NATIVE_REDIRECT_URI } from './load-app-config.js';

function platformOs(): 'web' | 'ios' | 'android' | 'other' {
  return Platform.OS === 'web' || Platform.OS === 'ios' || Platform.OS === 'android'
    ? Platform.OS
    : 'other';
}

/** The validated, frozen configuration of this app (throws AppConfigError at startup). */
export const appConfig: AppConfig = loadAppConfig(
  {
    issuer: process.env.EXPO_PUBLIC_OAUTH_ISSUER || undefined,
    clientId: process.env.EXPO_PUBLIC_OAUTH_CLIENT_ID || undefined,
    apiUrl: process.env.EXPO_PUBLIC_API_URL || undefined,
    scope: process.env.EXPO_PUBLIC_OAUTH_SCOPE || undefined,
    // NOT `|| undefined`: the empty string is a value here ("send no resource")
    resource: process.env.EXPO_PUBLIC_OAUTH_RESOURCE,
    clientSecret: process.env.EXPO_PUBLIC_OAUTH_CLIENT_SECRET || undefined,
  },
  {
    os: platformOs(),
    webOrigin: Platform.OS === 'web' ? globalThis.location?.origin : undefined,
    // In a dev/standalone build this is the custom scheme; in Expo Go it is exp://<host>/--/oauthredirect.
    nativeRedirectUri:
      Platform.OS === 'web'
        ? undefined
        : makeRedirectUri({ native: NATIVE_REDIRECT_URI, path: 'oauthredirect' }),
  },
);
