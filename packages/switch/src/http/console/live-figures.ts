/**
 * The figures of the console's live view, taken once a second from what the switch already
 * keeps: its metrics counters (transactions by key and outcome), its links, peers and held
 * queues, the terminals logged in, and the audit rows committed since the last tick (refusals
 * by code, answers by outcome). Nothing is added to a transaction's path: a tick reads, and
 * only while someone watches (the timer starts with the first subscriber and stops with the
 * last). A tick reads at most `maxRowsPerTick` audit rows; past that it skips to the head of
 * the log and says its figures were sampled.
 *
 * What each reader gets (`scopeFigures`): the switch-wide rates, links and queues are what
 * `GET /metrics` gives anyone who reaches the port (no criminal-justice information), so an
 * agency's coordinator sees them too; the refusals, answers and terminals logged in carry an
 * ORI, and an agency's reader gets only their agency's (the scope of the audit reads,
 * admin/audit-scope.ts).
 */
import { recordedResponses } from '../../audit/record.js';
import type { AuditFilter, AuditRow } from '../../audit/types.js';

export interface LiveSources {
  readonly clock: () => number;
  /** Transactions by message key and outcome, counted since the switch started. */
  transactionCounts(): Promise<readonly { key: string; outcome: string; value: number }[]>;
  /** Outgoing links (to the state or to the systems) and county peers, with what is held for each. */
  links(): readonly { name: string; kind: 'link' | 'peer'; state: string; systems: readonly string[]; held: number }[];
  /** Operators logged in: at a terminal over the WebSocket, or through a gateway session. */
  terminals(): readonly LiveTerminal[];
  /** Audit rows committed since a seq (ascending), and the head of the log. */
  readonly audit: {
    query?: (filter: AuditFilter) => AuditRow[];
    health(): { lastSeq?: number; pending: number; writable: boolean };
  };
  /** Transactions accepted and not complete, traffic stored for offline terminals. */
  queues(): { inFlight: number; stored: number };
}

/** An operator logged in at a terminal: over the terminal WebSocket, or a session of the HTTP gateway. */
export interface LiveTerminal {
  readonly mnemonic: string;
  readonly ori: string;
  readonly operatorId: string;
  readonly since: number;
  readonly via: 'terminal' | 'gateway';
}

/** One second of the switch, before it is cut to a reader's scope. */
export interface LiveTick {
  readonly at: number;
  readonly intervalMs: number;
  /** Transactions per second by message key (switch-wide), by outcome. */
  readonly perSecond: readonly { key: string; outcome: string; rate: number }[];
  readonly links: ReturnType<LiveSources['links']>;
  readonly terminals: ReturnType<LiveSources['terminals']>;
  readonly queues: { inFlight: number; stored: number; auditPending: number; auditWritable: boolean };
  /** Refused transactions of this interval, by ORI and code. */
  readonly refusals: readonly { ori: string | null; code: string; count: number }[];
  /** Answers of this interval, by ORI and outcome (hit, no_record, possible...). */
  readonly answers: readonly { ori: string | null; outcome: string; count: number }[];
  /** True when more rows were committed in the interval than a tick reads. */
  readonly sampled: boolean;
}

/** What one reader is sent each second (the `figures` event of `GET /v1/live`). */
export interface LiveFigures {
  readonly at: number;
  readonly scope: 'all' | { readonly oris: readonly string[] };
  /** Switch-wide, as /metrics: transactions per second by key (every outcome), refused per second. */
  readonly transactionsPerSecond: readonly { key: string; rate: number; refusedRate: number }[];
  /** Answers in the interval, in the reader's scope. */
  readonly answers: { hit: number; possible: number; noRecord: number; other: number };
  /** Refusals in the interval, in the reader's scope, by code. */
  readonly refusals: readonly { code: string; count: number }[];
  readonly links: LiveTick['links'];
  readonly queues: LiveTick['queues'];
  /** Sessions logged in (terminal WebSocket and gateway): the switch's count, and the list in the reader's scope. */
  readonly terminalsLoggedIn: number;
  readonly terminals: LiveTick['terminals'];
  readonly sampled: boolean;
}

const REFUSED_OUTCOMES: ReadonlySet<string> = new Set(['rejected', 'window_full', 'audit_unavailable', 'timeout', 'system_failed']);

/** The figures one reader may see: an agency's reader only what carries their ORI. */
export function scopeFigures(tick: LiveTick, ori: string | null): LiveFigures {
  const mine = <T extends { ori: string | null }>(rows: readonly T[]): readonly T[] => (ori === null ? rows : rows.filter((row) => row.ori === ori));
  const byKey = new Map<string, { rate: number; refusedRate: number }>();
  for (const { key, outcome, rate } of tick.perSecond) {
    const entry = byKey.get(key) ?? { rate: 0, refusedRate: 0 };
    entry.rate += rate;
    if (REFUSED_OUTCOMES.has(outcome)) entry.refusedRate += rate;
    byKey.set(key, entry);
  }
  const refusals = new Map<string, number>();
  for (const row of mine(tick.refusals)) refusals.set(row.code, (refusals.get(row.code) ?? 0) + row.count);
  const answers = { hit: 0, possible: 0, noRecord: 0, other: 0 };
  for (const row of mine(tick.answers)) {
    if (row.outcome === 'hit') answers.hit += row.count;
    else if (row.outcome === 'possible') answers.possible += row.count;
    else if (row.outcome === 'no_record') answers.noRecord += row.count;
    else answers.other += row.count;
  }
  return {
    at: tick.at,
    scope: ori === null ? 'all' : { oris: [ori] },
    transactionsPerSecond: [...byKey].map(([key, entry]) => ({ key, ...entry })).sort((a, b) => b.rate - a.rate || a.key.localeCompare(b.key)),
    answers,
    refusals: [...refusals].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    links: tick.links,
    queues: tick.queues,
    terminalsLoggedIn: tick.terminals.length,
    terminals: ori === null ? tick.terminals : tick.terminals.filter((terminal) => terminal.ori === ori),
    sampled: tick.sampled,
  };
}

export interface LiveFeedOptions {
  readonly intervalMs?: number;
  readonly maxRowsPerTick?: number;
}

/** Ticks once a second while anyone listens; each listener gets the same tick. */
export class LiveFeed {
  readonly #sources: LiveSources;
  readonly #intervalMs: number;
  readonly #maxRows: number;
  readonly #listeners = new Set<(tick: LiveTick) => void>();
  #timer: NodeJS.Timeout | undefined;
  #last: { at: number; counts: Map<string, number>; seq: number } | undefined;
  #latest: LiveTick | undefined;
  #ticking = false;

  constructor(sources: LiveSources, options: LiveFeedOptions = {}) {
    this.#sources = sources;
    this.#intervalMs = options.intervalMs ?? 1000;
    this.#maxRows = options.maxRowsPerTick ?? 5000;
  }

  /** The last tick, if any (a new listener is sent it at once). */
  get latest(): LiveTick | undefined {
    return this.#latest;
  }

  get listeners(): number {
    return this.#listeners.size;
  }

  /** Listens; returns the function that stops listening. */
  subscribe(listener: (tick: LiveTick) => void): () => void {
    this.#listeners.add(listener);
    if (this.#timer === undefined) {
      this.#last = undefined;
      void this.tick();
      this.#timer = setInterval(() => void this.tick(), this.#intervalMs);
      this.#timer.unref();
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#latest = undefined;
  }

  /** Takes one reading and sends it (exposed for tests; the timer calls it). */
  async tick(): Promise<LiveTick | undefined> {
    if (this.#ticking) return undefined;
    this.#ticking = true;
    try {
      const tick = await this.#read();
      this.#latest = tick;
      for (const listener of this.#listeners) listener(tick);
      return tick;
    } finally {
      this.#ticking = false;
    }
  }

  async #read(): Promise<LiveTick> {
    const sources = this.#sources;
    const at = sources.clock();
    const health = sources.audit.health();
    const lastSeq = health.lastSeq ?? 0;
    const counts = new Map<string, number>();
    for (const { key, outcome, value } of await sources.transactionCounts()) counts.set(`${key}\u0000${outcome}`, value);
    const previous = this.#last;
    const intervalMs = previous === undefined ? this.#intervalMs : Math.max(1, at - previous.at);
    const perSecond = previous === undefined ? [] : [...counts].flatMap(([name, value]) => {
      const delta = value - (previous.counts.get(name) ?? 0);
      if (delta <= 0) return [];
      const [key = '', outcome = ''] = name.split('\u0000');
      return [{ key, outcome, rate: (delta * 1000) / intervalMs }];
    });

    // The first tick only notes where the log stands: rates and counts are of an interval.
    const refusals = new Map<string, { ori: string | null; code: string; count: number }>();
    const answers = new Map<string, { ori: string | null; outcome: string; count: number }>();
    let sampled = false;
    const query = sources.audit.query;
    if (previous !== undefined && query !== undefined && lastSeq > previous.seq) {
      // Answers are response rows, and the completion rows that record the last system's answer.
      const rows = query({ afterSeq: previous.seq, type: ['reject', 'response', 'completion'], limit: this.#maxRows });
      sampled = rows.length >= this.#maxRows && (rows.at(-1)?.seq ?? 0) < lastSeq;
      for (const row of rows) {
        const ori = row.ori ?? null;
        if (row.type === 'reject') {
          const code = row.code ?? 'UNKNOWN';
          const entry = refusals.get(`${ori}\u0000${code}`) ?? { ori, code, count: 0 };
          entry.count += 1;
          refusals.set(`${ori}\u0000${code}`, entry);
          continue;
        }
        for (const { outcome } of recordedResponses(row.type, row.outcome, row.detail ?? null)) {
          const entry = answers.get(`${ori}\u0000${outcome}`) ?? { ori, outcome, count: 0 };
          entry.count += 1;
          answers.set(`${ori}\u0000${outcome}`, entry);
        }
      }
    }
    this.#last = { at, counts, seq: lastSeq };
    const queues = sources.queues();
    return {
      at, intervalMs, perSecond, links: sources.links(), terminals: sources.terminals(),
      queues: { ...queues, auditPending: health.pending, auditWritable: health.writable },
      refusals: [...refusals.values()], answers: [...answers.values()], sampled,
    };
  }
}
