/** The startup banner: where the provider is, who can sign in, which clients exist, admin API state. */
import type { ProviderConfig } from './config/config.js';

export interface BannerInput {
  readonly config: ProviderConfig;
  readonly database: string;
  readonly users: readonly string[];
  readonly clients: readonly string[];
  readonly signingKid: string | undefined;
  /** Where the shared counters live (database or Redis). */
  readonly rateLimitStore: string;
}

/** A loud, boxed warning: the admin API mints API-valid tokens for any user. */
function adminWarning(config: ProviderConfig): string[] {
  if (!config.adminToken) return [];
  const text = [
    `!! ADMIN API ON at ${config.issuer}/admin (PROVIDER_ADMIN_API=on)`,
    '!! It creates users and clients and mints API-valid tokens for ANY user.',
    '!! Local demos and tests only: never expose this provider.',
  ];
  const width = Math.max(...text.map((line) => line.length));
  const rule = `  ${'!'.repeat(width)}`;
  return [rule, ...text.map((line) => `  ${line}`), rule];
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
    `  demo mode    ${config.demoMode ? 'ON (seeded users, password-less picker)' : 'off'}`,
    `  admin API    ${config.adminToken ? `ON at ${config.issuer}/admin (Bearer PROVIDER_ADMIN_TOKEN)` : 'off (PROVIDER_ADMIN_API=on plus PROVIDER_ADMIN_TOKEN to enable)'}`,
    `  rate limits  ${input.rateLimitStore}`,
    `  users        ${input.users.length ? input.users.join(', ') : '(none seeded)'}`,
    `  clients      ${input.clients.length ? input.clients.join(', ') : '(none seeded)'}`,
    ...adminWarning(config),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
