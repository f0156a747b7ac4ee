/**
 * What every mock system shares: which keys it answers (read from the catalogue's routes,
 * never hard-coded), validation of each transaction against the catalogue, turning a
 * CletsError into a reject answer, and release of the shared files on close.
 */
import {
  CATALOGUE, CletsError, DEFAULT_TARGET_SYSTEM, messageKey, validateTransaction, type MessageKeyDefinition, type SystemName,
  type Target, type Transaction, type ValidatedTransaction,
} from '@clets/protocol';
import type { Files } from '../data/indexes.js';
import type { UpdateStore } from '../data/update-store.js';
import { DEFAULT_RECORD_CARE, type RecordCarePolicy } from '../data/record-care.js';
import { rejectAnswer } from '../render/response.js';
import type { MockSystem, SystemAnswer, SystemContext } from '../system.js';

/** The targets a route can reach, whatever the state or destination. */
function targetsOf(definition: MessageKeyDefinition): readonly Target[] {
  const route = definition.route;
  switch (route.kind) {
    case 'fanout':
      return route.targets;
    case 'by-state':
      return [...route.home, ...route.other];
    case 'nlets-states':
      return ['NLETS'];
    case 'destinations':
    case 'local':
    case 'none':
      return [];
  }
}

/** The message keys the catalogue routes to `system` (through any of its targets). */
export function keysServedBy(system: SystemName): Set<string> {
  const keys = new Set<string>();
  for (const definition of CATALOGUE.values()) {
    if (targetsOf(definition).some((target) => DEFAULT_TARGET_SYSTEM[target] === system)) keys.add(definition.key);
  }
  return keys;
}

/** The targets of `key` that `system` serves (CORI: the state files a QW searches). */
export function targetsServedBy(key: string, system: SystemName): Target[] {
  const definition = messageKey(key);
  if (definition === undefined) return [];
  return targetsOf(definition).filter((target) => DEFAULT_TARGET_SYSTEM[target] === system);
}

/**
 * The files and update store the systems of one `createSystems` share. Closed when the last
 * system holding them closes.
 */
export class SharedFiles {
  private holders = 0;
  private closed = false;

  constructor(readonly files: Files, readonly updates: UpdateStore, readonly recordCare: RecordCarePolicy = DEFAULT_RECORD_CARE) {}

  hold(): void {
    this.holders++;
  }

  release(): void {
    if (this.closed) return;
    this.holders--;
    if (this.holders <= 0) {
      this.closed = true;
      this.updates.close();
    }
  }
}

/** A validated inquiry or update, with what the systems read from it. */
export interface Request {
  readonly key: string;
  readonly definition: MessageKeyDefinition;
  readonly fields: ReadonlyMap<string, string>;
  readonly transaction: Transaction;
  readonly context: SystemContext;
}

/** The common frame of the four systems: keys, validation, rejects, close. */
export abstract class BaseSystem implements MockSystem {
  readonly keys: ReadonlySet<string>;
  private closed = false;

  protected constructor(
    readonly name: SystemName,
    protected readonly shared: SharedFiles,
  ) {
    this.keys = keysServedBy(name);
    shared.hold();
  }

  protected get files(): Files {
    return this.shared.files;
  }

  handle(input: Transaction, context: SystemContext): SystemAnswer {
    // Whatever arrives (a decoded frame, a test's object, garbage), only strings go further.
    const transaction = wellTyped(input);
    try {
      if (this.closed) throw new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', `${this.name} is closed`, { system: this.name });
      const key = transaction.header?.messageKey ?? '';
      if (!this.keys.has(key)) {
        if (messageKey(key) === undefined) {
          throw new CletsError('CLETS_ERR_UNKNOWN_MESSAGE_KEY', key === '' ? 'no message key (MKE)' : `'${key.slice(0, 12)}' is not a message key`, { field: 'MKE' });
        }
        throw new CletsError('CLETS_ERR_SYSTEM_NOT_ACCEPTING', `${this.name} does not answer ${key}`, { field: 'MKE', system: this.name });
      }
      // The switch validated it already; a system checks again what it relies on (CJIS: validate every input).
      const validated: ValidatedTransaction = validateTransaction(transaction, { fromTerminal: false });
      const now = typeof context?.now === 'number' && Number.isFinite(context.now) ? context.now : Date.now();
      const requestId = typeof context?.requestId === 'string' ? context.requestId : '';
      return this.answer({ key, definition: validated.definition, fields: validated.fields, transaction, context: { now, requestId } });
    } catch (error) {
      if (error instanceof CletsError) return rejectAnswer(transaction, error, this.name);
      throw error;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.shared.release();
  }

  /** Answers a validated transaction of one of this system's keys. Throw a CletsError to reject. */
  protected abstract answer(request: Request): SystemAnswer;
}

/** 'CCYYMMDD' of an epoch-ms instant (UTC). */
export function ncicToday(now: number): string {
  return new Date(Number.isFinite(now) ? now : 0).toISOString().slice(0, 10).replaceAll('-', '');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/**
 * A copy of a transaction with every member the systems read as the type the schema gives it
 * (strings, string lists, a list of tag/value pairs); anything else reads as empty. A decoded
 * frame passes through unchanged in content.
 */
export function wellTyped(input: unknown): Transaction {
  const raw = isObject(input) ? input : {};
  const header = isObject(raw.header) ? raw.header : undefined;
  const routeTo = isObject(raw.routeTo) ? raw.routeTo : undefined;
  const fields = Array.isArray(raw.fields) ? raw.fields : [];
  return {
    ...(header === undefined ? {} : {
      header: {
        ...header,
        clientMessageId: text(header.clientMessageId),
        control: text(header.control),
        messageKey: text(header.messageKey),
        ori: text(header.ori),
        terminal: text(header.terminal),
        operatorId: text(header.operatorId),
        destinations: texts(header.destinations),
        hops: Array.isArray(header.hops) ? header.hops.filter(isObject) : [],
      },
    }),
    ...(routeTo === undefined ? {} : {
      routeTo: {
        requester: text(routeTo.requester),
        operator: text(routeTo.operator),
        reason: text(routeTo.reason),
        caseNumber: text(routeTo.caseNumber),
        noCaseReason: text(routeTo.noCaseReason),
        purposeCode: text(routeTo.purposeCode),
        attention: text(routeTo.attention),
      },
    }),
    fields: fields.filter(isObject).map((field) => ({ tag: text(field.tag), value: text(field.value) })),
    text: text(raw.text),
  };
}
