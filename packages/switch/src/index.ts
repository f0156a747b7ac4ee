export { buildSwitch, type CletsSwitch, type SwitchDeps, type SwitchAddresses } from './switch.js';
export { parseSwitchConfig, switchConfigSchema, type SwitchConfig, type SwitchConfigInput, type LinkConfig } from './config.js';
export { TransactionPipeline, rejectFrame, type TransactionOrigin, type PipelineDeps } from './transaction-pipeline.js';
export { HeldQueue } from './held-queue.js';
export { Metrics } from './metrics.js';
export type { AuditSink, SwitchAuditEvent, SystemLink, LinkStateName } from './ports.js';
export type { SecurityPolicy, TerminalIdentity, OperatorSession, OperatorRole, TerminalClass, LoginStep, PendingLogin, Authorization } from './security/policy.js';
export { PlainSecurityPolicy, CJIS_BANNER_STATEMENTS } from './security/plain-policy.js';
export { buildRegistry, type Registry, type RegisteredAgency, type RegisteredOperator, type RegisteredTerminal } from './security/registry.js';
