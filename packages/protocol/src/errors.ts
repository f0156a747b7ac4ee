/**
 * The closed table of error codes, shared by the wire (Reject frames, WebSocket close codes)
 * and HTTP. A code, once published, is never reused for another meaning and never renumbered;
 * retire a code by leaving its row in place. Every code is documented in docs/errors.md
 * (a test checks both ways).
 *
 * wire:  numeric reject code shown to the operator in an ER message.
 * http:  status the HTTP API answers with.
 * close: WebSocket close code when the error ends the connection (4000-4999 range).
 */
export interface ErrorDefinition {
  readonly wire: number;
  readonly http: number;
  readonly message: string;
  readonly close?: number;
}

export const ERROR_CODES = {
  // --- 1xx: frames and codecs ------------------------------------------------------------
  CLETS_ERR_FRAME_TOO_LARGE: { wire: 101, http: 413, message: 'frame exceeds the maximum size', close: 1009 },
  CLETS_ERR_FRAME_MALFORMED: { wire: 102, http: 400, message: 'frame could not be decoded' },
  CLETS_ERR_FRAME_TOO_DEEP: { wire: 103, http: 400, message: 'frame nests deeper than allowed' },
  CLETS_ERR_FRAME_EMPTY: { wire: 104, http: 400, message: 'frame carries no body' },
  CLETS_ERR_FRAME_UNEXPECTED: { wire: 105, http: 400, message: 'frame kind not allowed in this state of the session' },
  CLETS_ERR_PROTOCOL_VERSION: { wire: 106, http: 400, message: 'unsupported protocol version', close: 4006 },
  CLETS_ERR_TOO_MANY_MALFORMED: { wire: 107, http: 400, message: 'too many malformed frames; connection closed', close: 4007 },
  CLETS_ERR_TEXT_FRAME: { wire: 108, http: 400, message: 'text WebSocket messages are not accepted; send binary protobuf frames' },

  // --- 2xx: message text, fields and route-to ---------------------------------------------
  CLETS_ERR_TEXT_SYNTAX: { wire: 201, http: 400, message: 'message text is not in mnemonic format' },
  CLETS_ERR_UNKNOWN_MESSAGE_KEY: { wire: 202, http: 400, message: 'unknown message key' },
  CLETS_ERR_FIELD_MISSING: { wire: 203, http: 400, message: 'a required field is missing' },
  CLETS_ERR_FIELD_INVALID: { wire: 204, http: 400, message: 'a field fails its edit' },
  CLETS_ERR_FIELD_UNKNOWN: { wire: 205, http: 400, message: 'field not allowed for this message key' },
  CLETS_ERR_FIELD_DUPLICATE: { wire: 206, http: 400, message: 'field given more than once' },
  CLETS_ERR_FIELD_CONFLICT: { wire: 207, http: 400, message: 'fields that exclude each other were given together' },
  CLETS_ERR_ROUTE_TO_MISSING: { wire: 210, http: 400, message: 'route-to field (RTE) missing: state requester, reason and case number' },
  CLETS_ERR_ROUTE_TO_INCOMPLETE: { wire: 211, http: 400, message: 'route-to field incomplete' },
  CLETS_ERR_ROUTE_TO_VAGUE_REASON: { wire: 212, http: 400, message: 'route-to reason too vague: give the specific reason for this inquiry' },
  CLETS_ERR_PURPOSE_CODE_MISSING: { wire: 213, http: 400, message: 'criminal-history inquiry needs a purpose code (PUR)' },
  CLETS_ERR_PURPOSE_CODE_INVALID: { wire: 214, http: 400, message: 'unknown purpose code' },
  CLETS_ERR_PURPOSE_CODE_FEDERAL_ONLY: { wire: 215, http: 403, message: 'purpose code reserved to federal agencies' },
  CLETS_ERR_CASE_NUMBER_MISSING: { wire: 216, http: 400, message: 'case number or a documented reason for its absence is required' },
  CLETS_ERR_DESTINATION_INVALID: { wire: 217, http: 400, message: 'destination invalid for this message key' },
  CLETS_ERR_REQUEST_INVALID: { wire: 218, http: 400, message: 'request invalid' },
  CLETS_ERR_HEADER_MISMATCH: { wire: 219, http: 400, message: 'header does not match the session (ORI, terminal or operator)' },
  CLETS_ERR_MESSAGE_ID_REUSED: { wire: 220, http: 409, message: 'client message id already used for a different transaction' },
  CLETS_ERR_RECORD_STATE: { wire: 221, http: 409, message: 'record is not in a state that allows this action (a record already located)' },
  CLETS_ERR_LOCATE_OWN_RECORD: { wire: 222, http: 409, message: 'the entering agency clears or cancels its own record; a locate is placed by the agency that found the person or property' },
  CLETS_ERR_CONFIRMATION_DATA_SET: { wire: 223, http: 400, message: 'the data set does not fit the record type the NIC names (a person hit confirmed by name, a vehicle by plate or VIN)' },
  CLETS_ERR_COURT_ORDERS_ONLY: { wire: 224, http: 403, message: 'a court enters, modifies, cancels and clears only its own protection orders' },
  CLETS_ERR_SECOND_PARTY_SAME_OPERATOR: { wire: 225, http: 409, message: 'a second-party check is made by an operator other than the one who entered the record' },
  CLETS_ERR_VALIDATION_LIST_SCOPE: { wire: 226, http: 403, message: "only the state control point lists another agency's records for validation" },

  // --- 3xx: terminals, logins and sessions ------------------------------------------------
  CLETS_ERR_TERMINAL_UNKNOWN: { wire: 301, http: 401, message: 'terminal not registered', close: 4001 },
  CLETS_ERR_TERMINAL_CREDENTIAL: { wire: 302, http: 401, message: 'terminal credential invalid', close: 4001 },
  CLETS_ERR_BANNER_NOT_ACKNOWLEDGED: { wire: 303, http: 403, message: 'login banner must be acknowledged first' },
  CLETS_ERR_LOGIN_FAILED: { wire: 304, http: 401, message: 'operator id or password invalid' },
  CLETS_ERR_ACCOUNT_LOCKED: { wire: 305, http: 423, message: 'account locked after repeated failed logons' },
  CLETS_ERR_SECOND_FACTOR_REQUIRED: { wire: 306, http: 401, message: 'second factor required' },
  CLETS_ERR_SECOND_FACTOR_INVALID: { wire: 307, http: 401, message: 'second factor code invalid' },
  CLETS_ERR_SECOND_FACTOR_REPLAYED: { wire: 308, http: 401, message: 'second factor code already used' },
  CLETS_ERR_SESSION_ACTIVE_ELSEWHERE: { wire: 309, http: 409, message: 'operator already has an active session' },
  CLETS_ERR_SESSION_LOCKED: { wire: 310, http: 401, message: 'session locked after inactivity: log in again' },
  CLETS_ERR_REAUTH_REQUIRED: { wire: 311, http: 401, message: 'session must re-authenticate', close: 4011 },
  CLETS_ERR_NOT_LOGGED_IN: { wire: 312, http: 401, message: 'no operator logged in on this session' },
  CLETS_ERR_AUTH_TIMEOUT: { wire: 313, http: 408, message: 'connection did not authenticate in time', close: 4013 },
  CLETS_ERR_PASSWORD_POLICY: { wire: 314, http: 400, message: 'password does not meet the policy' },
  CLETS_ERR_ADMIN_TOKEN_INVALID: { wire: 315, http: 401, message: 'administrator credential missing or invalid' },
  CLETS_ERR_SESSION_SUPERSEDED: { wire: 316, http: 409, message: 'session ended by a newer login of the same operator', close: 4016 },
  CLETS_ERR_LOGGED_OUT: { wire: 317, http: 401, message: 'operator logged out', close: 4017 },
  CLETS_ERR_LINK_AUTH: { wire: 318, http: 401, message: 'link peer or secret invalid', close: 4018 },
  CLETS_ERR_TERMINAL_BUSY: { wire: 319, http: 409, message: 'terminal already has a live operator session', close: 4019 },
  CLETS_ERR_PEER_CLAIM_REFUSED: { wire: 320, http: 403, message: 'a linked switch claimed an ORI or terminal that is not its own' },

  // --- 4xx: authorization (right to know, need to know) ------------------------------------
  CLETS_ERR_ROLE_NOT_PERMITTED: { wire: 401, http: 403, message: 'operator role may not send this message key' },
  CLETS_ERR_ROLE_NO_TERMINAL_ACCESS: { wire: 402, http: 403, message: 'role does not operate a terminal' },
  CLETS_ERR_CERT_EXAM_EXPIRED: { wire: 403, http: 403, message: 'proficiency exam older than allowed' },
  CLETS_ERR_CERT_EXAM_SCORE: { wire: 404, http: 403, message: 'proficiency exam score under the pass mark' },
  CLETS_ERR_CERT_DMV_STATEMENT: { wire: 405, http: 403, message: 'DMV confidentiality statement lapsed' },
  CLETS_ERR_CERT_EMPLOYEE_STATEMENT: { wire: 406, http: 403, message: 'employee/volunteer statement lapsed' },
  CLETS_ERR_CERT_BACKGROUND: { wire: 407, http: 403, message: 'background check not cleared' },
  CLETS_ERR_OPERATOR_DEACTIVATED: { wire: 408, http: 403, message: 'operator deactivated' },
  CLETS_ERR_AGENCY_INACTIVE: { wire: 409, http: 403, message: 'agency ORI not active' },
  CLETS_ERR_TERMINAL_KEY_NOT_ALLOWED: { wire: 410, http: 403, message: 'terminal not allowed this message key' },
  CLETS_ERR_SELF_QUERY: { wire: 411, http: 403, message: 'inquiry on your own record refused and reported' },
  CLETS_ERR_BROADCAST_NOT_PERMITTED: { wire: 412, http: 403, message: 'operator not authorised to broadcast' },
  CLETS_ERR_CERT_TRAINING: { wire: 413, http: 403, message: 'initial training not completed within 6 months of appointment' },
  CLETS_ERR_KEY_NOT_FROM_TERMINAL: { wire: 414, http: 403, message: 'message key is sent by the switch only' },
  CLETS_ERR_ADMIN_NOT_PERMITTED: { wire: 415, http: 403, message: 'administrator not permitted this action or agency' },
  CLETS_ERR_CERT_AWARENESS: { wire: 416, http: 403, message: 'security awareness training missing, lapsed or below the level the role needs' },
  CLETS_ERR_CERT_LIABILITY: { wire: 417, http: 403, message: 'Areas of Liability packet not signed, or its sign-off lapsed' },
  CLETS_ERR_CERT_EXAM_LEVEL: { wire: 418, http: 403, message: 'no proficiency exam on file at the level the role needs' },

  // --- 5xx: routing, systems and delivery --------------------------------------------------
  CLETS_ERR_NO_ROUTE: { wire: 501, http: 422, message: 'no route to a system for this message' },
  CLETS_ERR_SYSTEM_UNAVAILABLE: { wire: 502, http: 503, message: '.04. destination out of service, not forwarded: resend later' },
  CLETS_ERR_SYSTEM_NOT_ACCEPTING: { wire: 503, http: 503, message: '.01. destination does not accept this message type' },
  CLETS_ERR_SYSTEM_TIMEOUT: { wire: 504, http: 504, message: 'system did not answer in time' },
  CLETS_ERR_NON_DELIVERY: { wire: 505, http: 504, message: 'queued message expired before its destination returned' },
  CLETS_ERR_QUEUE_FULL: { wire: 506, http: 503, message: 'queue for this destination is full' },
  CLETS_ERR_UNKNOWN_DESTINATION: { wire: 507, http: 404, message: 'unknown destination' },
  CLETS_ERR_RECORD_NOT_FOUND: { wire: 508, http: 404, message: 'no record with that identifier to update' },
  CLETS_ERR_RECORD_CONFLICT: { wire: 509, http: 409, message: 'record already on file' },
  CLETS_ERR_SYSTEM_ERROR: { wire: 510, http: 502, message: 'system answered with an error' },
  CLETS_ERR_CONFIRMATION_UNKNOWN: { wire: 511, http: 404, message: 'no open hit confirmation with that id' },

  // --- 9xx: the service itself -------------------------------------------------------------
  CLETS_ERR_AUDIT_UNAVAILABLE: { wire: 901, http: 503, message: 'audit store cannot write: transactions refused until it recovers' },
  CLETS_ERR_OVERLOADED: { wire: 902, http: 503, message: 'switch overloaded: retry later' },
  CLETS_ERR_SHUTTING_DOWN: { wire: 903, http: 503, message: 'switch shutting down', close: 1001 },
  CLETS_ERR_SLOW_CONSUMER: { wire: 904, http: 503, message: 'terminal did not read its traffic; connection closed', close: 4904 },
  CLETS_ERR_NOT_FOUND: { wire: 905, http: 404, message: 'no such resource' },
  CLETS_ERR_RESOURCE_CONFLICT: { wire: 906, http: 409, message: 'resource already exists or is in another state' },
  CLETS_ERR_SESSION_WINDOW_FULL: { wire: 907, http: 429, message: 'too many transactions in flight on this session: wait for their answers' },
  CLETS_ERR_RATE_LIMITED: { wire: 908, http: 429, message: 'too many attempts from this source: wait before trying again' },
  CLETS_ERR_TOO_MANY_CONNECTIONS: { wire: 909, http: 503, message: 'connection limit reached for this source or this port', close: 1013 },
  CLETS_ERR_INTERNAL: { wire: 999, http: 500, message: 'internal error', close: 1011 },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}

/**
 * The project's one error type. Everything a peer may see is a CletsError; anything else
 * becomes CLETS_ERR_INTERNAL at the boundary so internals never reach the peer.
 */
export class CletsError extends Error {
  readonly code: ErrorCode;
  /** Offending field tag, when one field is at fault. */
  readonly field: string | undefined;
  /** 1-based column in the mnemonic line, when known. */
  readonly position: number | undefined;
  /** The system a reject concerns, in a fan-out. */
  readonly system: string | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { field?: string; position?: number; system?: string; cause?: unknown } = {},
  ) {
    const base = ERROR_CODES[code].message;
    super(detail ? `${base}: ${detail}` : base, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CletsError';
    this.code = code;
    this.field = options.field;
    this.position = options.position;
    this.system = options.system;
  }

  get wireCode(): number {
    return ERROR_CODES[this.code].wire;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }

  get closeCode(): number | undefined {
    const definition: ErrorDefinition = ERROR_CODES[this.code];
    return definition.close;
  }
}

/** Any thrown value as a CletsError; unknown errors become CLETS_ERR_INTERNAL (no detail leaks). */
export function toCletsError(error: unknown): CletsError {
  if (error instanceof CletsError) return error;
  return new CletsError('CLETS_ERR_INTERNAL', undefined, { cause: error });
}
