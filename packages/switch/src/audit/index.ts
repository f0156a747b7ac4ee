export {
  AUDIT_EVENT_TYPES, isAuditEventType,
  type AuditAnswer, type AuditEvent, type AuditEventType, type AuditFailure, type AuditFilter, type AuditHealth, type AuditReader,
  type AuditReceipt, type AuditRecovery, type AuditRouteTo, type AuditRow, type AuditScope, type AuditSearch, type AuditSearchHit,
  type AuditSearchResult, type AuditSink, type AuditStats, type AuditStore, type ChainHead, type RecordedResponse, type SwitchAuditEvent,
  type VerifyOptions, type VerifyResult,
} from './types.js';
export { CHAIN_FORMAT, CHAIN_FORMAT_V1, GENESIS_ZERO, canonicalRow, chainHash, verifyChain, ChainVerifier, type ChainExpectation, type ChainFormatRange } from './chain.js';
export { formatAuditTime, recordedResponses, type StoredAuditRow } from './record.js';
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
