export {
  AuthError,
  ProviderErrorResponse,
  ProviderUnavailableError,
  RefreshLeaseTimeoutError,
  RefreshRejectedError,
  SessionExpiredError,
} from './errors.js';
export type { AuthErrorCode } from './errors.js';
export { createPrismaTokenStore } from './prisma-token-store.js';
export { createSingleFlightRefresh, isFresh } from './single-flight-refresh.js';
export type {
  AccessTokenSource,
  RefreshTokenUse,
  SingleFlightRefreshOptions,
} from './single-flight-refresh.js';
export type { RefreshedTokens, StoredTokens, TokenStore } from './token-store.js';
