export { loadConfig, ConfigError, type ProviderConfig, type Lifetimes } from './config/config.js';
export { startProviderApp, type ProviderApp, type ProviderAppOptions } from './app.js';
export { seedProvider, type SeedResult } from './seed/seed-provider.js';
export { TOKEN_VARIANTS, type TokenVariant } from './admin/mint-token.js';
