/**
 * The one scope catalogue of the stack.
 *
 * RFC 6749 §3.3: scope values are defined by the authorization server. OpenID Connect Core §5.4 and
 * §11 define `openid`, `profile`, `email` and `offline_access`; the notes API defines the rest. OIDC
 * scopes and user API scopes describe a person, so only user-facing clients (confidential or public)
 * may ask for them; `notes:stats` is read by a machine with the client credentials grant (RFC 6749
 * §4.4) and is never granted to a user-facing client.
 */
import type { ClientKind, ScopeDefinition } from './scope-definition.js';

const USER_CLIENTS: readonly ClientKind[] = Object.freeze(['confidential', 'public'] as const);
const MACHINE_CLIENTS: readonly ClientKind[] = Object.freeze(['machine'] as const);

/**
 * The OpenID Connect scopes, in the order a consent screen lists them.
 *
 * @example
 * OIDC_SCOPES.includes('openid'); // true
 */
export const OIDC_SCOPES = Object.freeze(['openid', 'profile', 'email', 'offline_access'] as const);

/**
 * The notes API's scopes, in the order a consent screen lists them.
 *
 * @example
 * API_SCOPES.filter((name) => scopeCatalogue[name].clientKinds.includes('machine')); // ['notes:stats']
 */
export const API_SCOPES = Object.freeze(['notes:read', 'notes:write', 'notes:stats'] as const);

/**
 * Every scope the stack knows about.
 *
 * @example
 * const needed: ScopeName = 'notes:write';
 */
export type ScopeName = (typeof OIDC_SCOPES)[number] | (typeof API_SCOPES)[number];

/**
 * Every scope the stack knows about, by name. Deeply frozen. Iteration order is catalogue order:
 * the OIDC scopes first, then the API scopes.
 *
 * @example
 * scopeCatalogue['notes:read'].description; // 'Read your notes.'
 * scopeCatalogue['notes:stats'].clientKinds; // ['machine']
 */
export const scopeCatalogue: Readonly<{ [Name in ScopeName]: ScopeDefinition<Name> }> =
  Object.freeze({
    openid: Object.freeze({
      name: 'openid',
      description: 'Sign you in and confirm who you are.',
      kind: 'oidc',
      clientKinds: USER_CLIENTS,
    }),
    profile: Object.freeze({
      name: 'profile',
      description: 'See your name and basic profile details.',
      kind: 'oidc',
      clientKinds: USER_CLIENTS,
    }),
    email: Object.freeze({
      name: 'email',
      description: 'See your email address and whether it is verified.',
      kind: 'oidc',
      clientKinds: USER_CLIENTS,
    }),
    offline_access: Object.freeze({
      name: 'offline_access',
      description: 'Keep access to the data you allow here while you are not using the app.',
      kind: 'oidc',
      clientKinds: USER_CLIENTS,
    }),
    'notes:read': Object.freeze({
      name: 'notes:read',
      description: 'Read your notes.',
      kind: 'api',
      clientKinds: USER_CLIENTS,
    }),
    'notes:write': Object.freeze({
      name: 'notes:write',
      description: 'Create, change and delete your notes.',
      kind: 'api',
      clientKinds: USER_CLIENTS,
    }),
    'notes:stats': Object.freeze({
      name: 'notes:stats',
      description: 'Read aggregate figures about all notes, without any note content or user data.',
      kind: 'api',
      clientKinds: MACHINE_CLIENTS,
    }),
  });
