export { createMemoryTokenStore } from './memory-token-store.js';
export { singleFlightContract } from './single-flight-contract.js';
export type { StoreFixture } from './single-flight-contract.js';
