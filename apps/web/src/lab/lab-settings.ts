/**
 * The lab's settings from the web app's validated config: the same issuer, API, client and
 * redirect URI the web app's sign-in uses, plus the provider admin token (server-side only).
 */
import type { WebConfig } from '../config/config';
import { oauthRefProvider } from '../auth/oauth-ref-provider';
import type { LabSettings } from './lab-context';

/**
 * @example
 * const settings = labSettings(config);
 */
export function labSettings(config: WebConfig): LabSettings {
  return {
    issuer: config.issuer,
    apiUrl: config.apiUrl,
    baseUrl: config.baseUrl,
    resource: config.resource ?? config.apiUrl,
    webClientId: config.clientId,
    webClientSecret: config.clientSecret,
    webRedirectUri: config.redirectUri,
    webProvider: oauthRefProvider(config),
    adminToken: config.labAdminToken,
  };
}
