/**
 * The app's configuration, validated once and frozen. The values come from EXPO_PUBLIC_* variables,
 * which Expo inlines into the JavaScript bundle at build time: everything here is public by nature,
 * which is exactly why a public client has no secret to configure (and why one is refused).
 */
import { parseScope } from '@oauth-ref/scopes';
import { z } from 'zod';

/** RFC 6749 §3.3 syntax, checked by the stack's one scope parser. */
function isScopeSyntax(value: string): boolean {
  try {
    parseScope(value);
    return true;
  } catch {
    return false;
  }
}

/** Raw values as read from the environment (see app-config.ts, the only reader). */
export interface PublicEnv {
  readonly issuer: string | undefined;
  readonly clientId: string | undefined;
  readonly apiUrl: string | undefined;
  /** Requested scopes; unset or empty: DEFAULT_SCOPE. */
  readonly scope?: string | undefined;
  /** RFC 8707 resource; unset: the API URL; the empty string: send none. */
  readonly resource?: string | undefined;
  /** Must stay undefined: anything EXPO_PUBLIC_* ships inside the bundle. */
  readonly clientSecret: string | undefined;
}

/** Where the app runs, and the redirect URIs that platform uses. */
export interface PlatformFacts {
  readonly os: 'web' | 'ios' | 'android' | 'other';
  /** web: the page origin (http://localhost:8081); native: undefined. */
  readonly webOrigin: string | undefined;
  /** native: the redirect URI expo-auth-session computed (custom scheme or exp:// in Expo Go). */
  readonly nativeRedirectUri: string | undefined;
}

export const DEFAULT_SCOPE = 'openid profile email offline_access notes:read notes:write';
export const NATIVE_REDIRECT_URI = 'com.oauthreference.mobile:/oauthredirect';

const absoluteHttpUrl = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/ }))
  .refine((value) => !new URL(value).search && !new URL(value).hash, 'no query or fragment');

/** Space-delimited scope tokens, `openid` included (the app signs users in with OpenID Connect). */
const scopeList = z
  .string()
  .transform((value) => value.trim().split(/\s+/).join(' '))
  .refine(isScopeSyntax, {
    error: 'EXPO_PUBLIC_OAUTH_SCOPE must be space-delimited scope tokens (RFC 6749 §3.3)',
  })
  .refine((value) => value.split(' ').includes('openid'), {
    error: 'EXPO_PUBLIC_OAUTH_SCOPE must include openid',
  });

/** RFC 8707 §2: an absolute URI without a fragment; the empty string means "send none". */
const resourceIndicator = z
  .string()
  .trim()
  .refine(
    (value) =>
      value === '' || (/^[A-Za-z][A-Za-z0-9+.-]*:[^\s#]+$/.test(value) && URL.canParse(value)),
    {
      error:
        'EXPO_PUBLIC_OAUTH_RESOURCE must be an absolute URI without a fragment, or empty to send none',
    },
  );

const envSchema = z.object({
  issuer: absoluteHttpUrl.default('http://localhost:4000'),
  clientId: z.string().trim().min(1).default('oauth-ref-mobile'),
  apiUrl: absoluteHttpUrl.default('http://localhost:3333'),
  scope: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? DEFAULT_SCOPE : value))
    .pipe(scopeList),
  resource: resourceIndicator.optional(),
  clientSecret: z
    .undefined({
      error:
        'EXPO_PUBLIC_OAUTH_CLIENT_SECRET is set: a public client has no secret, and EXPO_PUBLIC_ values are shipped in the bundle. Remove it.',
    })
    .optional(),
});

export interface AppConfig {
  readonly issuer: string;
  readonly clientId: string;
  /** The API base URL. */
  readonly apiUrl: string;
  /**
   * The RFC 8707 resource indicator (the access token's audience): EXPO_PUBLIC_OAUTH_RESOURCE,
   * default the API URL; undefined when that variable is the empty string (no `resource` sent).
   */
  readonly resource: string | undefined;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string | undefined;
  readonly defaultScope: string;
  /** http:// issuer or API: acceptable only for a local demo; shown as a warning on screen. */
  readonly allowInsecureHttp: boolean;
  readonly platform: PlatformFacts['os'];
  /** Where the refresh token is kept on this platform, in words for the screen. */
  readonly refreshTokenHome: string;
}

/** Thrown when the environment does not describe a usable configuration. */
export class AppConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(readonly issues: readonly string[]) {
    super(`Invalid mobile app configuration:\n- ${issues.join('\n- ')}`);
    this.name = 'AppConfigError';
  }
}

/**
 * Validates the public environment for this platform and returns the frozen configuration.
 *
 * @example
 * loadAppConfig({ issuer: 'http://localhost:4000', ... }, { os: 'web', webOrigin: 'http://localhost:8081', nativeRedirectUri: undefined });
 */
export function loadAppConfig(env: PublicEnv, platform: PlatformFacts): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new AppConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`),
    );
  }
  const { issuer, clientId, apiUrl, scope, resource } = parsed.data;
  const web = platform.os === 'web';
  if (web && !platform.webOrigin) throw new AppConfigError(['web build without a page origin']);
  const redirectUri = web
    ? `${platform.webOrigin}/callback`
    : (platform.nativeRedirectUri ?? NATIVE_REDIRECT_URI);
  return Object.freeze({
    issuer,
    clientId,
    apiUrl: apiUrl.replace(/\/+$/, ''),
    resource:
      resource === undefined ? apiUrl.replace(/\/+$/, '') : resource === '' ? undefined : resource,
    redirectUri,
    postLogoutRedirectUri: web ? `${platform.webOrigin}/` : undefined,
    defaultScope: scope,
    allowInsecureHttp: [issuer, apiUrl].some((url) => url.startsWith('http://')),
    platform: platform.os,
    refreshTokenHome: web
      ? 'memory of this browser tab only (never localStorage, sessionStorage or cookies): a reload forgets it'
      : 'expo-secure-store (iOS Keychain / Android Keystore), never AsyncStorage',
  });
}
