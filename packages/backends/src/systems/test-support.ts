/**
 * Test support for the systems' tests: the committed data files (read once per test file),
 * transactions built the way a switch forwards them, and answer accessors that fail loudly.
 * Not used by production code.
 */
import { readDataSet, type FixtureSet } from '@clets/data-files';
import { HitStatus, type Response, type ResponseRecord, type Transaction, type Reject } from '@clets/protocol';
import type { MockSystem, SystemAnswer, SystemContext } from '../system.js';

let committed: Promise<FixtureSet> | undefined;

/** The committed fixture set (`fixtures/`), loaded once per worker. */
export function committedFixtures(): Promise<FixtureSet> {
  committed ??= readDataSet();
  return committed;
}

/** The ORI the tests send from (the Los Angeles County Sheriff in the synthetic network). */
export const TEST_ORI = 'CA0190000';

export interface TxOptions {
  readonly ori?: string;
  readonly destinations?: readonly string[];
  readonly purposeCode?: string;
  readonly control?: string;
}

/** A transaction as the switch forwards it: header, route-to (with purpose code for CORI keys), fields in order. */
export function tx(key: string, fields: Record<string, string>, options: TxOptions = {}): Transaction {
  return {
    header: {
      messageKey: key,
      ori: options.ori ?? TEST_ORI,
      control: options.control ?? `CTL-${key}`,
      clientMessageId: `msg-${key}`,
      terminal: 'LA01',
      operatorId: 'OP1001',
      destinations: [...(options.destinations ?? [])],
    },
    routeTo: {
      requester: 'DEP R VALE 4411',
      reason: 'TRAFFIC STOP SUSPECT VEH',
      caseNumber: '26-001234',
      ...(options.purposeCode !== undefined ? { purposeCode: options.purposeCode } : {}),
    },
    fields: Object.entries(fields).map(([tag, value]) => ({ tag, value })),
  };
}

let contextCounter = 0;

/** A context at the fixtures' reference date, with a fresh request id unless one is given. */
export function ctx(requestId?: string, now = Date.parse('2026-11-01T17:30:00Z')): SystemContext {
  contextCounter++;
  return { now, requestId: requestId ?? `req-${contextCounter}` };
}

/** The responses of an answer; fails the test with the reject when there is one. */
export function responsesOf(answer: SystemAnswer): readonly Response[] {
  if (answer.kind !== 'responses') throw new Error(`expected responses, got reject ${answer.reject.code}: ${answer.reject.reason}`);
  return answer.responses;
}

/** The single response of an answer. */
export function responseOf(answer: SystemAnswer): Response {
  const responses = responsesOf(answer);
  if (responses.length !== 1) throw new Error(`expected one response, got ${responses.length}`);
  return responses[0] as Response;
}

export function rejectOf(answer: SystemAnswer): Reject {
  if (answer.kind !== 'reject') throw new Error(`expected a reject, got ${answer.responses.length} responses`);
  return answer.reject;
}

export function hits(response: Response): ResponseRecord[] {
  return (response.records ?? []).filter((record) => record.status === HitStatus.HIT_STATUS_HIT);
}

export function fieldOf(record: ResponseRecord, tag: string): string | undefined {
  return (record.fields ?? []).find((field) => field.tag === tag)?.value ?? undefined;
}

/** Sends one transaction to a system with a fresh context. */
export function ask(system: MockSystem, transaction: Transaction, requestId?: string): SystemAnswer {
  return system.handle(transaction, ctx(requestId));
}
