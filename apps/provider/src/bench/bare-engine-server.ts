/**
 * The benchmark's baseline: a bare node-oidc-provider (the version we build on) with nothing of
 * ours in front of it, in its own process. Same clients, scopes and claims, same JWT access token
 * format and signing algorithm (RS256), DPoP and resource indicators on as in our provider; its
 * in-memory adapter and its development login/consent pages (any login accepted), i.e. the cheapest
 * this engine can do the same protocol work.
 *
 * With `BARE_DATABASE_URL`, it stores what the engine stores in that database instead, through the
 * plain one-call-per-method adapter (plain-prisma-adapter.ts): the engine as it would run persisted
 * without any of our work on the database path.
 *
 * `PORT=4100 node --conditions=@oauth-ref/source --import tsx src/bench/bare-engine-server.ts`
 * prints `ready <url>` once listening.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type ClientMetadata, type Configuration } from 'oidc-provider';
import { demoClients, demoUsers } from '@oauth-ref/demo-config';
import { API_SCOPES, OIDC_SCOPES } from '@oauth-ref/scopes';
import { createPrismaClient } from '@oauth-ref/db';
import { clientMetadataFromDemo } from '../engine/client-store.js';
import { apiScopesFor, clientKindOf } from '../engine/resource-rule.js';
import { plainPrismaAdapter } from './plain-prisma-adapter.js';

const port = Number(process.env['PORT'] ?? 0);
const apiResource = process.env['API_RESOURCE'] ?? 'http://localhost:3333';
const issuer = process.env['OAUTH_ISSUER'] ?? `http://localhost:${port}`;

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'bare', alg: 'RS256', use: 'sig' };
const users = new Map(demoUsers.map((user) => [user.sub, user]));
const databaseUrl = process.env['BARE_DATABASE_URL'];

const configuration: Configuration = {
  ...(databaseUrl ? { adapter: plainPrismaAdapter(createPrismaClient(databaseUrl)) } : {}),
  clients: demoClients.map((client) => clientMetadataFromDemo(client) as ClientMetadata),
  jwks: { keys: [jwk] } as Configuration['jwks'],
  scopes: [...OIDC_SCOPES, ...API_SCOPES],
  claims: {
    openid: ['sub'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    email: ['email', 'email_verified'],
  },
  conformIdTokenClaims: false,
  allowOmittingSingleRegisteredRedirectUri: false,
  responseTypes: ['code'],
  pkce: { required: (_ctx, client) => client.clientAuthMethod === 'none' },
  issueRefreshToken: async (_ctx, client, code) =>
    client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
  async findAccount(_ctx, sub) {
    const user = users.get(sub);
    if (!user) return undefined;
    return {
      accountId: sub,
      claims: async () => ({
        sub,
        name: user.name,
        preferred_username: user.username,
        email: user.email,
        email_verified: true,
      }),
    };
  },
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    dPoP: { enabled: true },
    userinfo: { enabled: true },
    resourceIndicators: {
      enabled: true,
      async defaultResource(ctx, _client, oneOf) {
        if (oneOf) return oneOf.includes(apiResource) ? apiResource : oneOf[0];
        const scope = String(ctx.oidc.params?.scope ?? '');
        if (scope.split(' ').some((s) => (API_SCOPES as readonly string[]).includes(s)))
          return apiResource;
        if (ctx.oidc.params?.grant_type === 'client_credentials') return apiResource;
        return undefined as unknown as string;
      },
      useGrantedResource: async () => true,
      async getResourceServerInfo(_ctx, _indicator, client) {
        return {
          scope: apiScopesFor(clientKindOf(client)).join(' '),
          audience: apiResource,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256', kid: 'bare' } },
        };
      },
    },
  },
};

const provider = new Provider(issuer, configuration);
const server = createServer(provider.callback());
server.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address() as AddressInfo;
  process.stdout.write(`ready http://localhost:${bound}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
