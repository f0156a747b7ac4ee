/**
 * The chaos run's operators: each a TerminalClient logged in at a county switch, that keeps
 * its own record of what it sent and what it was answered, as an operator's screen would.
 * It resends, under the same client message id, every transaction it has no end for each
 * time it logs in again (docs/protocol.md, "Correlation and resends"), and counts every
 * administrative message and hit confirmation request it receives, by message id, so the
 * checks can tell "delivered once" from "lost" and "twice".
 */
import { DeliveryState, HitStatus, type Completion, type Reject, type Response } from '@clets/protocol';
import { TerminalClient, type TransactionProgress, type TransactionResult, type UncorrelatedEvent } from '@clets/terminal';

export type TrafficKind = 'inquiry' | 'held-inquiry' | 'entry' | 'am' | 'yq' | 'yr' | 'broadcast';

/** One transaction a terminal sent, and everything it learned of it. */
export interface SentRecord {
  readonly id: string;
  readonly terminal: string;
  readonly kind: TrafficKind;
  readonly line: string;
  /** Where an AM, YQ or broadcast is addressed. */
  readonly destinations: readonly string[];
  /** The entry's case number (OCA), unique per entry. */
  readonly oca?: string;
  receipted: boolean;
  /** Each Completion seen (the original's and the replays'), as `answered|failed`. */
  readonly completions: string[];
  /** A Reject before any Receipt: refused, nothing ran. */
  refused?: string;
  /** Systems whose leg ended in a non-delivery (`.02.` expired). */
  readonly nonDelivery: Set<string>;
  /** Delivery reports for it, by destination: the last state heard. */
  readonly reports: Map<string, DeliveryState>;
  acknowledged: boolean;
  attempts: number;
}

/** What a terminal received that others sent. */
export interface ReceivedTraffic {
  /** AdminMessage.message_id -> times received. */
  readonly adminMessages: Map<string, number>;
  /** `confirmation_id#request_number` -> times received. */
  readonly hitRequests: Map<string, number>;
}

export interface ChaosTerminalOptions {
  readonly url: string;
  readonly mnemonic: string;
  readonly deviceSecret: string;
  readonly operatorId: string;
  readonly password: string;
  readonly ori: string;
  /** Answers a hit confirmation request for its agency (a YR), when it decides to. */
  readonly answerHitRequest?: (terminal: ChaosTerminal, requestingOri: string, recordId: string) => void;
  readonly log: (line: string) => void;
}

/** The longest a client waits for one Completion: past every hold of the run. */
const REQUEST_TIMEOUT_MS = 600_000;

export class ChaosTerminal {
  readonly mnemonic: string;
  readonly ori: string;
  readonly records = new Map<string, SentRecord>();
  readonly received: ReceivedTraffic = { adminMessages: new Map(), hitRequests: new Map() };
  readonly #options: ChaosTerminalOptions;
  readonly #client: TerminalClient;
  #counter = 0;
  #closed = false;
  #loggingIn: Promise<void> | undefined;
  anomalies: string[] = [];

  constructor(options: ChaosTerminalOptions) {
    this.#options = options;
    this.mnemonic = options.mnemonic;
    this.ori = options.ori;
    this.#client = new TerminalClient({
      url: options.url, mnemonic: options.mnemonic, deviceSecret: options.deviceSecret,
      operatorId: options.operatorId, password: options.password, requestTimeoutMs: REQUEST_TIMEOUT_MS,
      reconnect: { enabled: true, minDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 100_000 },
    });
    const client = this.#client;
    client.on('reconnected', () => this.#resendOpen());
    client.on('uncorrelated', (event) => this.#onUnsolicited(event));
    client.on('late', (event) => this.#onUnsolicited(event));
    client.on('adminMessage', (message) => bump(this.received.adminMessages, message.messageId ?? ''));
    client.on('deliveryReport', (report) => {
      const record = this.records.get(report.header?.clientMessageId ?? '');
      if (record !== undefined) record.reports.set(report.destination ?? '', report.state ?? DeliveryState.DELIVERY_STATE_UNSPECIFIED);
    });
    client.on('hitConfirmationRequest', (request) => {
      bump(this.received.hitRequests, `${request.confirmationId ?? ''}#${request.requestNumber ?? 0}`);
      if ((request.requestNumber ?? 1) === 1) options.answerHitRequest?.(this, request.requestingOri ?? '', request.recordId ?? '');
    });
    client.on('close', (event) => {
      // The client reconnects by itself when it can; when it gave up, this terminal logs in afresh.
      if (!event.willReconnect && !this.#closed) void this.login();
    });
    client.on('error', () => {});
  }

  get ready(): boolean {
    return this.#client.state === 'ready';
  }

  get inFlight(): number {
    return this.#client.inFlight;
  }

  /** Logs in, trying again until it succeeds (the switch may be restarting) or close(). */
  login(): Promise<void> {
    this.#loggingIn ??= (async () => {
      try {
        for (let attempt = 0; !this.#closed; attempt += 1) {
          try {
            if (this.#client.state === 'ready') return;
            await this.#client.connect();
            await this.#client.login();
            this.#resendOpen();
            return;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 100 * (attempt + 1))));
          }
        }
      } finally {
        this.#loggingIn = undefined;
      }
    })();
    return this.#loggingIn;
  }

  /** Sends a new transaction; false when not logged in now (it is then not sent at all). */
  send(kind: TrafficKind, line: string, destinations: readonly string[] = [], oca?: string): boolean {
    if (!this.ready) return false;
    this.#counter += 1;
    const id = `CH-${this.mnemonic}-${this.#counter}`;
    const record: SentRecord = {
      id, terminal: this.mnemonic, kind, line, destinations, ...(oca !== undefined ? { oca } : {}),
      receipted: false, completions: [], nonDelivery: new Set(), reports: new Map(), acknowledged: false, attempts: 0,
    };
    this.records.set(id, record);
    this.#attempt(record);
    return true;
  }

  /** Records with no end yet: receipted without a Completion, or not answered at all. */
  open(): SentRecord[] {
    return [...this.records.values()].filter((record) => !isEnded(record));
  }

  /** Resends what has no end (a quiet period's nudge: answered from the switch's window). */
  resendOpen(): void {
    this.#resendOpen();
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#client.close();
  }

  #resendOpen(): void {
    for (const record of this.open()) this.#attempt(record);
  }

  #attempt(record: SentRecord): void {
    if (!this.ready) return;
    record.attempts += 1;
    this.#client.send(record.line, { clientMessageId: record.id, onProgress: (progress) => this.#onProgress(record, progress) })
      .then((result) => this.#onResult(record, result), () => {
        // Connection lost or no end in time: left open, sent again at the next login.
      });
  }

  #onProgress(record: SentRecord, progress: TransactionProgress): void {
    switch (progress.kind) {
      case 'receipt': record.receipted = true; return;
      case 'response': this.#onResponse(record, progress.response); return;
      case 'reject': this.#onSystemReject(record, progress.reject); return;
      case 'queued': return;
    }
  }

  #onResult(record: SentRecord, result: TransactionResult): void {
    if (result.outcome === 'completed') {
      if (result.receipt !== undefined) record.receipted = true;
      this.#onCompletion(record, result.completion);
      return;
    }
    // A refusal of a resend (window full, rate) says nothing of a transaction already receipted.
    if (!record.receipted) record.refused = result.rejected.code ?? 'unknown';
    if (result.rejected.code === 'CLETS_ERR_MESSAGE_ID_REUSED') this.anomalies.push(`${record.id}: a resend was taken for another transaction`);
  }

  #onUnsolicited(event: UncorrelatedEvent): void {
    const record = this.records.get(event.clientMessageId);
    if (record === undefined) return;
    const frame = event.frame;
    if (frame.receipt) record.receipted = true;
    else if (frame.response) this.#onResponse(record, frame.response);
    else if (frame.reject) {
      if (frame.reject.system) this.#onSystemReject(record, frame.reject);
      else if (!record.receipted) record.refused = frame.reject.code ?? 'unknown';
    } else if (frame.completion) {
      record.receipted = true;
      this.#onCompletion(record, frame.completion);
    }
  }

  #onResponse(record: SentRecord, response: Response): void {
    if (response.status === HitStatus.HIT_STATUS_ACKNOWLEDGED) record.acknowledged = true;
  }

  #onSystemReject(record: SentRecord, reject: Reject): void {
    if (reject.code === 'CLETS_ERR_NON_DELIVERY') record.nonDelivery.add(reject.system ?? '');
  }

  #onCompletion(record: SentRecord, completion: Completion): void {
    record.completions.push(`${[...(completion.answered ?? [])].sort().join(',')}|${[...(completion.failed ?? [])].sort().join(',')}`);
  }
}

/** A transaction has its end: a Completion, or a refusal before any Receipt. */
export function isEnded(record: SentRecord): boolean {
  return record.completions.length > 0 || (!record.receipted && record.refused !== undefined);
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
