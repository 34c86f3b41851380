/** The startup banner: where the provider is, who can sign in, which clients exist, admin API state. */
import type { ProviderConfig } from './config/config.js';

export interface BannerInput {
  readonly config: ProviderConfig;
  readonly database: string;
  readonly users: readonly string[];
  readonly clients: readonly string[];
  readonly signingKid: string | undefined;
}

export function formatBanner(input: BannerInput): string {
  const { config } = input;
  const lines = [
    '',
    '  oauth-ref provider (node-oidc-provider, strict mode: devInteractions off)',
    `  issuer       ${config.issuer}`,
    `  listening    ${config.host}:${config.port}`,
    `  discovery    ${config.issuer}/.well-known/openid-configuration`,
    `  database     ${input.database}`,
    `  API resource ${config.apiResource} (JWT access tokens, typ at+jwt)`,
    `  signing key  ${input.signingKid ?? '(none)'}`,
    `  demo mode    ${config.demoMode ? 'on' : 'off'}`,
    `  admin API    ${config.adminToken ? `on at ${config.issuer}/admin (Bearer PROVIDER_ADMIN_TOKEN)` : 'off (set PROVIDER_ADMIN_TOKEN to enable)'}`,
    `  users        ${input.users.length ? input.users.join(', ') : '(none seeded)'}`,
    `  clients      ${input.clients.length ? input.clients.join(', ') : '(none seeded)'}`,
    '',
  ];
  return `${lines.join('\n')}\n`;
}
