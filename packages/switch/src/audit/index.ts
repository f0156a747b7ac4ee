export * from './types.js';
export { CHAIN_FORMAT, CHAIN_FORMAT_V1, GENESIS_ZERO, canonicalRow, chainHash, verifyChain, ChainVerifier, type ChainExpectation, type ChainFormatRange } from './chain.js';
export { formatAuditTime, type StoredAuditRow } from './record.js';
export { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT } from './filter.js';
export { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT } from './search.js';
export { ChainedAuditStore, type ChainedAuditStoreOptions } from './chained-audit-store.js';
export { MemoryAuditStore, type MemoryAuditStoreOptions } from './memory-audit-store.js';
export {
  SqliteAuditStore,
  openAuditStore,
  type AuditSynchronous,
  type SqliteAuditStoreOptions,
} from './sqlite-audit-store.js';
export type { CheckpointResult } from './checkpointer.js';
export { verifyAuditDatabase, verifyAuditArchives } from './verify-database.js';
