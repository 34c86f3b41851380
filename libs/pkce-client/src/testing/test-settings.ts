import type { PkceClientSettings } from '../settings.js';

/** The mobile client's settings against the local stack (what the app's config produces). */
export const testSettings: PkceClientSettings = Object.freeze({
  issuer: 'http://localhost:4000',
  clientId: 'oauth-ref-mobile',
  redirectUri: 'http://localhost:8081/callback',
  scope: 'openid profile email offline_access notes:read notes:write',
  resource: 'http://localhost:3333',
  postLogoutRedirectUri: 'http://localhost:8081/',
  allowInsecureHttp: true,
});
