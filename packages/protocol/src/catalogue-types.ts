/**
 * The shape of the message-key catalogue. Message keys are data, as in real switches: each
 * key says its fields, edits, who may send it and where it goes. Adding a key is adding a
 * row to catalogue.ts, not code.
 */

/** Backend systems a switch links to. */
export const SYSTEMS = ['NCIC', 'NLETS', 'DMV', 'CORI'] as const;
export type SystemName = (typeof SYSTEMS)[number];

/**
 * The `system` of a LinkRequest that carries agency-to-agency traffic (AM, YQ, YR) from one
 * switch to another, and the name a Completion gives that traffic among what was answered
 * or failed (docs/protocol.md, "Between switches").
 */
export const DELIVERY_SYSTEM = 'DELIVERY';

/**
 * The `system` of an answer the switch gives itself (a release logged with RL): the name its
 * Response and the Completion give it among what was answered or failed.
 */
export const SWITCH_SYSTEM = 'SWITCH';

/**
 * Routing targets: the national and DMV systems, and the California DOJ state files that
 * sit behind the CORI system. The switch's routing table maps each target to a system link.
 *  WPS wanted persons, SVS stolen vehicles, AFS automated firearms, APS automated property,
 *  ABS automated boats, CARPOS restraining/protective orders, CSAR sex and arson
 *  registrants, MPS missing persons, ACHS automated criminal history (CORI).
 */
export const TARGETS = ['NCIC', 'NLETS', 'DMV', 'WPS', 'SVS', 'AFS', 'APS', 'ABS', 'CARPOS', 'CSAR', 'MPS', 'ACHS'] as const;
export type Target = (typeof TARGETS)[number];

/** The default home system of each target (the routing table may override it). */
export const DEFAULT_TARGET_SYSTEM: Readonly<Record<Target, SystemName>> = {
  NCIC: 'NCIC', NLETS: 'NLETS', DMV: 'DMV',
  WPS: 'CORI', SVS: 'CORI', AFS: 'CORI', APS: 'CORI', ABS: 'CORI',
  CARPOS: 'CORI', CSAR: 'CORI', MPS: 'CORI', ACHS: 'CORI',
};

/**
 * inquiry: reads files (any operator role that may operate a terminal).
 * update:  enters, modifies or cancels a record (full-access operators only).
 * admin:   agency-to-agency traffic (AM, YQ, YR), routed by the header's destinations.
 * record:  a record the switch keeps and answers itself (RL, a third-party release logged
 *          against the operator's own transaction): any operator who may run a terminal.
 * switch:  sent by a switch or system only (ER, SM, responses); refused from a terminal.
 */
export type KeyAction = 'inquiry' | 'update' | 'admin' | 'record' | 'switch';

/** Where a key's transaction goes. */
export type RouteRule =
  /** To every listed target at once (one person query fanning out to several files). */
  | { readonly kind: 'fanout'; readonly targets: readonly Target[] }
  /**
   * By the state in a field: California (the `home` state) goes to `home` targets, any other
   * state to `other` targets (Nlets, addressed to that state). E.g. DQ by OLS, RQ by LIS.
   */
  | { readonly kind: 'by-state'; readonly field: string; readonly homeState: string; readonly home: readonly Target[]; readonly other: readonly Target[] }
  /** To the ORIs, terminals, counties or broadcast named in the header's destinations. */
  | { readonly kind: 'destinations' }
  /** To Nlets, addressed to the 2-letter state codes in the header's destinations. */
  | { readonly kind: 'nlets-states' }
  /** Answered by the switch the terminal is connected to, which keeps the record (RL). */
  | { readonly kind: 'local' }
  /** Not routed (switch-originated keys). */
  | { readonly kind: 'none' };

/** What the switch does when a target's system is down. */
export type DownPolicy =
  /** Nlets `.02.`: queue with a time to live, forward when the system returns. */
  | 'queue'
  /** Nlets `.04.`: refuse at once; the operator resends later. */
  | 'refuse';

export interface MessageKeyDefinition {
  /** The message key (MKE): 'QW', 'EPO', 'DQ'... */
  readonly key: string;
  /** The key in words, as a response header spells it out ('WANTED PERSON INQUIRY'). */
  readonly meaning: string;
  readonly action: KeyAction;
  /** Only full-access operators (FAO) may send it: every update is. */
  readonly fullAccessOnly: boolean;
  /** Criminal-history keys: the route-to must carry a purpose code. */
  readonly purposeCodeRequired: boolean;
  /** The route-to (requester, reason, case number) is required: every inquiry and update. */
  readonly routeToRequired: boolean;
  /** Fields that must all be present. */
  readonly required: readonly string[];
  /** Groups of which at least one field must be present (e.g. LIC or VIN). */
  readonly anyOf: readonly (readonly string[])[];
  /** Fields that may be present. Any field not in required/anyOf/optional is refused. */
  readonly optional: readonly string[];
  /** Groups of which at most one field may be present. */
  readonly exclusive: readonly (readonly string[])[];
  /** Groups where the first field requires all the others (LIC needs LIS). */
  readonly together: readonly (readonly string[])[];
  readonly route: RouteRule;
  readonly whenDown: DownPolicy;
  /** The response key a system answers with, where it differs (DQ -> DR, RQ -> RR). */
  readonly responseKey?: string;
  /**
   * Value-dependent requirements: when `field` has `value`, every field of `requires` must
   * be present too (YR with CNF/T, "answer by a time", needs ABY).
   */
  readonly requiredWhen?: readonly { readonly field: string; readonly value: string; readonly requires: readonly string[] }[];
  /**
   * For `destinations` keys: which kinds of destination the header may name and how many.
   * Absent: every kind, any number (AM). YQ and YR go to exactly one ORI.
   */
  readonly destinationRule?: { readonly kinds: readonly DestinationKind[]; readonly max?: number };
  /**
   * A locate: once the system acknowledges it, the switch the locating terminal works at
   * tells the agency that entered the record at once, by an administrative message to that
   * ORI (NCIC practice: the entering agency is notified of every locate placed on its record;
   * docs/protocol.md, "Locate notification"). A validation list the state control point asks
   * for another agency goes to that agency the same way, as an administrative notice.
   */
  readonly notifyEnteringAgency?: boolean;
  /**
   * The data set a message about one record must carry, chosen by the record type its NIC's
   * letter names (Nlets practice for hit confirmations: a YQ about a person names the person,
   * one about a vehicle the plate or VIN; a person YQ carrying only a plate is refused).
   */
  readonly dataSetByRecord?: Readonly<Record<string, RecordDataSet>>;
}

/** What identifies one record type in a message about it: at least one of `anyOf`. */
export interface RecordDataSet {
  /** The record type in words ('WANTED PERSON'). */
  readonly words: string;
  readonly anyOf: readonly string[];
}

/**
 * Kinds of header destination for agency-to-agency traffic: an ORI (`CA0370000`), a
 * terminal mnemonic (4 characters), a California county (`C19`, counties 01-58), or `ALL`.
 */
export type DestinationKind = 'ori' | 'terminal' | 'county' | 'all';

/** One field tag's definition and edit. */
export interface FieldDefinition {
  readonly tag: string;
  readonly name: string;
  readonly maxLength: number;
  /** Returns undefined when the value passes the edit, else the reason it fails. */
  readonly edit: (value: string) => string | undefined;
  /** A valid example, used in help text and tests. */
  readonly example: string;
}
