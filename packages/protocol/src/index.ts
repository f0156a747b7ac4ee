/**
 * @clets/protocol: the wire contract and everything that reads or writes it, with no I/O.
 * Every name is listed here: what the package offers is this file, not whatever a module
 * happens to export.
 */

// The frames: generated protobuf code under friendly names, the codec with its limits.
export {
  ConfirmationPriority, ConfirmationState, DeliveryState, FRAME_KINDS, HitStatus, LinkState, PROTOCOL_VERSION, pb,
  type AdminMessage, type BannerAck, type Completion, type DecodedFrame, type DeliveryReport, type Field, type Frame, type FrameKind,
  type Header, type Heartbeat, type HitConfirmationRequest, type HitConfirmationResponse, type Hop, type LinkHello, type LinkReply,
  type LinkRequest, type LinkWelcome, type LoginBanner, type LoginResult, type Logout, type OperatorLogin, type QueuedNotice,
  type Receipt, type Reject, type Response, type ResponseRecord, type RouteTo, type SecondFactorAnswer, type SecondFactorChallenge,
  type StatusMessage, type TerminalHello, type Transaction,
} from './types.js';
export {
  DEFAULT_LINK_MAX_FRAME_BYTES, DEFAULT_MAX_FRAME_BYTES, MAX_EXACT_INTEGER, MAX_NESTING_DEPTH,
  decodeFrame, encodeFrame, frameFromJson, frameKind, frameToJson,
  type CodecLimits,
} from './codec.js';
export { GOLDEN_FRAMES } from './golden-samples.js';

// The closed error table.
export { CletsError, ERROR_CODES, isErrorCode, toCletsError, type ErrorCode, type ErrorDefinition } from './errors.js';

// Operator roles and terminal classes.
export {
  AWARENESS_LEVELS, EXAM_LEVELS, OPERATOR_ROLES, TERMINAL_CLASSES, type AwarenessLevel, type ExamLevel, type OperatorRole, type TerminalClass,
} from './roles.js';

// What every answer carries back.
export { rejectOf, replyHeader, type RejectContext } from './replies.js';

// The message-key catalogue, field edits and validation.
export {
  DEFAULT_TARGET_SYSTEM, DELIVERY_SYSTEM, SWITCH_SYSTEM, SYSTEMS, TARGETS,
  type DestinationKind, type DownPolicy, type FieldDefinition, type KeyAction, type MessageKeyDefinition, type RouteRule,
  type SystemName, type Target,
} from './catalogue-types.js';
export {
  AGENCY_CONTACT, CATALOGUE, CONFIRMATION_DATA_SETS, EXAMPLE_ORI, EXAMPLE_ROUTE_TO, HOME_STATE, YQ_MAX_DESTINATIONS, exampleTransaction, fieldsOfKey, messageKey,
} from './catalogue.js';
export {
  CONFIRMATION_CODES, EXTRADITION_CODES, EYE_CODES, FIELDS, HAIR_CODES, NLETS_ALL_STATES, NLETS_STATE_CODES, ORDER_TYPE_CODES,
  PLATE_TYPE_CODES, PRIORITY_CODES, RACE_CODES, SEX_CODES, STATE_CODES, TEXT_TAG, TRANSMISSION_CODES, VEHICLE_COLOR_CODES, WARRANT_TYPE_CODES,
  VALIDATION_LIST_CODES, YES_NO_CODES, fieldDefinition, vinCheckDigit,
  GUN_TYPE_CODES, MISSING_CATEGORY_CODES, ORDER_CONDITION_CODES, SKIN_TONE_CODES,
} from './fields.js';
export {
  FEDERAL_ONLY_PURPOSE_CODES, PURPOSE_CODES, checkRoleForKey, destinationKind, validateTransaction,
  type ValidateOptions, type ValidatedTransaction,
} from './validate.js';

// The operator's one-line text format.
export {
  ROUTE_TO_MEMBERS, describeCatalogue, describeKey, formatRecord, formatReject, formatResponse, formatTransaction, parseMnemonic,
} from './mnemonic.js';

// The second factor.
export { TOTP_DIGITS, TOTP_STEP_SECONDS, base32Decode, base32Encode, hotp, matchTotp, totpCode, totpStep } from './totp.js';

// The subject keys of the audit search, and the sound of a name.
export {
  MAX_SUBJECT_KEYS, SUBJECT_KEY_KINDS, SUBJECT_KEY_PATTERN, normalizeDateOfBirth, normalizeIdentifier, normalizeName, personKeys,
  subjectKeys, subjectSearchKeys,
  type SubjectKeyKind, type SubjectQuery,
} from './subject-keys.js';
export { nysiis } from './phonetic.js';

// Time, liveness and retries at both ends of a connection: the caller hands in the clock.
export { ManualClock, systemClock, type LinkClock } from './clock.js';
export { HeartbeatMonitor, type HeartbeatActions } from './heartbeat-monitor.js';
export { ReconnectBackoff, type ReconnectDelays } from './reconnect-backoff.js';

// The memory of answers given to retries.
export { BoundedCache, type BoundedCacheOptions } from './bounded-cache.js';

// What every service's logger redacts.
export { LOG_REDACT_CENSOR, LOG_REDACT_PATHS, REDACT_DEPTH, SECRET_LOG_KEYS, logRedaction } from './log-redaction.js';
