/**
 * @clets/backends: the mock NCIC, Nlets, DMV and CORI systems and the deployable that hosts
 * one of them or all of them behind a link server. Test helpers: `@clets/backends/testing`.
 */
export { buildBackendService, createBackendLogger } from './service.js';
export type { BackendService, BackendDeps, BackendAddresses } from './service.js';
export {
  backendConfigSchema,
  behaviourPatchSchema,
  systemBehaviourSchema,
  latencySchema,
  outageSchema,
  parseBackendConfig,
  describeIssues,
  BackendConfigError,
  DEFAULT_BEHAVIOUR,
  OUTAGE_MODES,
} from './config.js';
export type {
  BackendConfig,
  BackendConfigInput,
  BackendLimits,
  BehaviourPatch,
  LatencyDistribution,
  OutageMode,
  SystemBehaviour,
} from './config.js';
export { configInputFromSources, parseCommandLine, USAGE } from './config-sources.js';
export type { CommandLine, ConfigSources } from './config-sources.js';
export { BehaviourController } from './behaviour.js';
export type { BehaviourChange, BehaviourListener } from './behaviour.js';
export { createRandom, sampleLatencyMs } from './sampling.js';
export type { Random } from './sampling.js';
export { IdempotencyStore } from './idempotency.js';
export type { StoredReply } from './idempotency.js';
export { RequestDispatcher, realScheduler } from './request-dispatcher.js';
export type { DispatcherOptions, ReplySink, Scheduler, SystemActivity, SystemChooser } from './request-dispatcher.js';
export { LinkSession } from './link-session.js';
export type { LinkAuthResult, LinkSessionOptions, LinkSessionState, LinkTransport, RequestHandler } from './link-session.js';
export { LinkServer } from './link-server.js';
export type { LinkServerOptions } from './link-server.js';
export { buildControlApp } from './control-http.js';
export type { ControlState, ErrorBody } from './control-http.js';
export { buildReject, rejectFromError } from './rejects.js';
export type { RejectContext } from './rejects.js';
export { openHostedSystems } from './hosted-systems.js';
export { chooseByRoute } from './system-choice.js';
export type { MessageKeyLookup } from './system-choice.js';
export { createSystems } from './systems/index.js';
export type { CreateSystemsOptions } from './systems/index.js';
export type { MockSystem, SystemAnswer, SystemContext } from './system.js';
export { AUDITED_FILES, auditSample, openAuditedFiles } from './data/audit-sample.js';
export type { AuditSampleOptions, AuditedFile, SampledRecord } from './data/audit-sample.js';
export { DEFAULT_RECORD_CARE } from './data/record-care.js';
export type { RecordCare, RecordCarePolicy } from './data/record-care.js';
