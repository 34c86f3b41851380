/**
 * The oidc-provider adapter (https://github.com/panva/node-oidc-provider/blob/main/example/my_adapter.js)
 * for every model the engine persists: Session, Grant, Interaction, AccessToken, AuthorizationCode,
 * RefreshToken, ClientCredentials, Client, InitialAccessToken, RegistrationAccessToken, DeviceCode,
 * BackchannelAuthenticationRequest, PushedAuthorizationRequest, PreAuthorizedCode, ReplayDetection.
 *
 * Rules it adds on top of storage:
 * - expiry is honoured on read: a row past `expiresAt` is reported as not found, even before the
 *   sweeper deletes it;
 * - `consume` records `consumedAt`, and `find` reports it as the payload's `consumed` (epoch seconds),
 *   which is how the engine detects authorization code and refresh token reuse;
 * - `consume` is atomic (a conditional update): when two requests redeem the same code, refresh
 *   token or device code at once (on one instance or two), exactly one wins; the other gets
 *   `invalid_grant` (`invalid_request_uri` for a pushed request) instead of a second set of tokens.
 *   The engine's own check-then-consume would let both through.
 * - `revokeByGrantId` deletes every artefact of the model issued under a grant.
 */
import { errors, type Adapter, type AdapterPayload } from 'oidc-provider';
import type { OidcPayloadRepository, OidcPayloadRow } from './oidc-payload-repository.js';

/** A stored row as the engine's payload: absent once expired, `consumed` in epoch seconds. */
export function toPayload(row: OidcPayloadRow | null, now: number): AdapterPayload | undefined {
  if (!row) return undefined;
  if (row.expiresAt && row.expiresAt.getTime() <= now) return undefined;
  const payload = JSON.parse(row.payload) as AdapterPayload;
  if (row.consumedAt) {
    payload.consumed = Math.floor(row.consumedAt.getTime() / 1000);
  }
  return payload;
}

/**
 * The grant a payload names, stored in the `grantId` column (for `revokeByGrantId`, and so that a
 * read of the row can fetch its grant in the same statement, see request-memo.ts). An interaction
 * names the grant its consent result points at, which the engine loads when the authorization
 * resumes; the engine never revokes interactions by grant.
 */
function grantIdOf(payload: AdapterPayload): string | null {
  const consent = (payload.result as { consent?: { grantId?: unknown } } | undefined)?.consent;
  const grantId = typeof consent?.grantId === 'string' ? consent.grantId : payload.grantId;
  return typeof grantId === 'string' ? grantId : null;
}

/** The engine's payload as a stored row: the columns the lookups need, and its expiry. */
export function toRow(
  model: string,
  id: string,
  payload: AdapterPayload,
  expiresIn: number | undefined,
  now: number,
): Omit<OidcPayloadRow, 'consumedAt'> {
  return {
    model,
    id,
    payload: JSON.stringify(payload),
    grantId: grantIdOf(payload),
    userCode: typeof payload.userCode === 'string' ? payload.userCode : null,
    uid: typeof payload.uid === 'string' ? payload.uid : null,
    expiresAt: typeof expiresIn === 'number' ? new Date(now + expiresIn * 1000) : null,
  };
}

export class OidcAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly repository: OidcPayloadRepository,
    private readonly clock: () => number = Date.now,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    await this.repository.upsert(toRow(this.model, id, payload, expiresIn, this.clock()));
  }

  /** Stores the payload unless a live one with this id exists; true when stored (atomic). */
  async insertIfAbsent(id: string, payload: AdapterPayload, expiresIn: number): Promise<boolean> {
    const now = this.clock();
    return this.repository.insertIfAbsent(
      {
        model: this.model,
        id,
        payload: JSON.stringify(payload),
        grantId: null,
        userCode: null,
        uid: null,
        expiresAt: new Date(now + expiresIn * 1000),
      },
      new Date(now),
    );
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return toPayload(await this.repository.find(this.model, id), this.clock());
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return toPayload(await this.repository.findByUid(this.model, uid), this.clock());
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return toPayload(await this.repository.findByUserCode(this.model, userCode), this.clock());
  }

  async consume(id: string): Promise<void> {
    const consumed = await this.repository.consume(this.model, id, new Date(this.clock()));
    if (consumed) return;
    if (this.model === 'PushedAuthorizationRequest') {
      throw new errors.InvalidRequestUri('request_uri is invalid, expired, or was already used');
    }
    throw new errors.InvalidGrant(`${this.model} already consumed`);
  }

  async destroy(id: string): Promise<void> {
    await this.repository.destroy(this.model, id);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.repository.revokeByGrantId(this.model, grantId);
  }
}

/** The `adapter` option of the engine: one adapter instance per model name. */
export function createOidcAdapterFactory(
  repository: OidcPayloadRepository,
  clock: () => number = Date.now,
): (model: string) => OidcAdapter {
  const cache = new Map<string, OidcAdapter>();
  return (model) => {
    let adapter = cache.get(model);
    if (!adapter) {
      adapter = new OidcAdapter(model, repository, clock);
      cache.set(model, adapter);
    }
    return adapter;
  };
}
