/**
 * A scripted MockSystem FOR TESTS: answers every key it lists with one no-record Response
 * (or what `answer` returns), and records each call, so a test can check how often a
 * request reached the system.
 */
import { HitStatus, type SystemName, type Transaction } from '@clets/protocol';
import type { MockSystem, SystemAnswer, SystemContext } from '../system.js';

export interface FakeSystem extends MockSystem {
  /** Every call to handle(), in order. */
  readonly calls: { readonly transaction: Transaction; readonly context: SystemContext }[];
  readonly closeCount: number;
}

export interface FakeSystemOptions {
  readonly keys?: readonly string[];
  /** Replaces the default answer. */
  readonly answer?: (transaction: Transaction, context: SystemContext) => SystemAnswer;
}

export function createFakeSystem(name: SystemName, options: FakeSystemOptions = {}): FakeSystem {
  const calls: { transaction: Transaction; context: SystemContext }[] = [];
  let closeCount = 0;
  return {
    name,
    keys: new Set(options.keys ?? ['QW', 'QV', 'DQ', 'RQ', 'EW']),
    calls,
    get closeCount() {
      return closeCount;
    },
    handle(transaction, context) {
      calls.push({ transaction, context });
      if (options.answer) return options.answer(transaction, context);
      const key = transaction.header?.messageKey ?? '';
      return {
        kind: 'responses',
        responses: [
          {
            header: transaction.header,
            system: name,
            responseKey: key,
            status: HitStatus.HIT_STATUS_NO_RECORD,
            text: `${name} ${key} NO RECORD (call ${calls.length}, request ${context.requestId})`,
          },
        ],
      };
    },
    close() {
      closeCount += 1;
    },
  };
}

/** A fake for each named system, as the map `buildBackendService` takes. */
export function createFakeSystems(names: readonly SystemName[], options: FakeSystemOptions = {}): Map<SystemName, FakeSystem> {
  return new Map(names.map((name) => [name, createFakeSystem(name, options)]));
}
