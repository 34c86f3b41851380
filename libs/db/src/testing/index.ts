export { createTestDatabase } from './create-test-database.js';
export type { TestDatabase } from './create-test-database.js';
export { describeEachDatabase, postgresSkipReason } from './describe-each-database.js';
export { probePostgres, testPostgresUrl } from './postgres-availability.js';
