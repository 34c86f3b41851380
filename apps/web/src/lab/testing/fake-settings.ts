/** Settings for unit tests of the lab: URLs of fakes, never of a running stack. */
import type { LabSettings } from '../lab-context';
import { oauthRefProvider } from '../../auth/oauth-ref-provider';
import { parseWebConfig } from '../../config/config-schema';

const config = parseWebConfig({
  NODE_ENV: 'test',
  OAUTH_ISSUER: 'http://op.test',
  API_URL: 'http://api.test',
  NEXTAUTH_URL: 'http://web.test',
});

export const fakeSettings: LabSettings = {
  issuer: 'http://op.test',
  apiUrl: 'http://api.test',
  baseUrl: 'http://web.test',
  resource: 'http://api.test',
  webClientId: config.clientId,
  webClientSecret: 'fake-web-secret',
  webRedirectUri: config.redirectUri,
  webProvider: oauthRefProvider(config),
  adminToken: 'fake-admin-token-0123456789',
};
