/**
 * The durable record of updates (entries, modifications, cancellations) made to the mock
 * files, in SQLite (better-sqlite3, WAL). At start every applied update is planned and
 * applied again, in order, over the fixtures, so a restart comes back with the same files.
 *
 * Idempotency (docs/protocol.md, links): a link request id is stored with its answer, so the
 * same request id again gets the same answer and is never applied twice, across restarts
 * too. Rejects of the files (not on file, duplicate) are stored as well: the retry of a
 * refused cancel is refused the same way even if the record was entered in between.
 *
 * Durability: each update is written with synchronous=FULL in its own transaction BEFORE it
 * is applied in memory and acknowledged; an acknowledged update is on disk.
 */
import Database from 'better-sqlite3';
import { CletsError, type Header, type Response, type Transaction } from '@clets/protocol';
import type { SystemAnswer } from '../system.js';
import type { Files } from './indexes.js';
import { planUpdate, type NicSpace, type UpdatePlan, type UpdateRequest } from './record-updates.js';
import { acknowledged, buildResponse, echoHeader, rejectAnswer } from '../render/response.js';
import { field } from '../render/text.js';
import { ncicDateTime } from '../render/records.js';

/** NIC numbers the simulation's entries start above (fixture NICs are spread over all 9 digits). */
const FIRST_ENTRY_NUMBER = 900_000_000;
const NIC_NUMBER_LIMIT = 1_000_000_000;

/** One update to store and apply. */
export interface UpdateInput {
  readonly system: string;
  /** The link request id ('' when none: then no idempotency). */
  readonly requestId: string;
  readonly transaction: Transaction;
  readonly fields: ReadonlyMap<string, string>;
  readonly atMs: number;
}

interface StoredRow {
  readonly seq: number;
  readonly message_key: string;
  readonly ori: string;
  readonly at_ms: number;
  readonly operator: string | null;
  readonly nic: string | null;
  readonly fields: string;
}

/** The answer as stored: without the header, which is echoed from the request it answers. */
type StoredAnswer =
  | { readonly kind: 'responses'; readonly responses: readonly Omit<Response, 'header'>[] }
  | { readonly kind: 'reject'; readonly reject: Record<string, unknown> };

export class UpdateStore {
  private readonly db: Database.Database;
  private readonly findAnswer: Database.Statement<[string, string], { answer: string }>;
  private readonly insert: Database.Statement<[string, string | null, string, string, string, number, string | null, number, string, string]>;
  private readonly nicCounters = new Map<string, number>();
  private closed = false;
  /** Stored updates that could not be applied again at start (the fixtures changed under them). */
  readonly skippedOnReplay: number;
  /** Stored updates applied again at start. */
  readonly replayed: number;

  constructor(path: string, private readonly files: Files) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        system TEXT NOT NULL,
        request_id TEXT,
        message_key TEXT NOT NULL,
        ori TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        nic TEXT,
        applied INTEGER NOT NULL,
        fields TEXT NOT NULL,
        answer TEXT NOT NULL,
        UNIQUE (system, request_id)
      )`);
    // Who sent each update (entries, checks, validations): added after the first stores were written.
    const columns = this.db.prepare('PRAGMA table_info(updates)').all() as { name: string }[];
    if (!columns.some((column) => column.name === 'operator')) this.db.exec("ALTER TABLE updates ADD COLUMN operator TEXT NOT NULL DEFAULT ''");
    this.findAnswer = this.db.prepare('SELECT answer FROM updates WHERE system = ? AND request_id = ?');
    this.insert = this.db.prepare(
      'INSERT INTO updates (system, request_id, message_key, ori, operator, at_ms, nic, applied, fields, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const { replayed, skipped } = this.replay();
    this.replayed = replayed;
    this.skippedOnReplay = skipped;
  }

  /**
   * Applies one update (already validated against the catalogue) and answers it: the stored
   * answer when the request id was seen, else an acknowledgement or a reject of the file.
   */
  apply(input: UpdateInput): SystemAnswer {
    if (this.closed) throw new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', 'update store closed', { system: input.system });
    const header = input.transaction.header;
    if (input.requestId !== '') {
      const seen = this.findAnswer.get(input.system, input.requestId);
      if (seen !== undefined) return withHeader(JSON.parse(seen.answer) as StoredAnswer, header);
    }
    const request: UpdateRequest = {
      key: header?.messageKey ?? '', fields: input.fields, ori: header?.ori ?? '', operatorId: header?.operatorId ?? '', atMs: input.atMs,
    };
    let plan: UpdatePlan | undefined;
    let answer: SystemAnswer;
    try {
      plan = planUpdate(this.files, request, (file) => this.allocateNic(file));
      answer = { kind: 'responses', responses: [acknowledgement(input.system, header, plan, input.atMs)] };
    } catch (error) {
      if (!(error instanceof CletsError)) throw error;
      answer = rejectAnswer(input.transaction, error, input.system);
    }
    this.store(input, request, plan, answer);
    plan?.commit();
    return answer;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  /** Writes the update and its answer; a storage failure refuses the update (nothing applied). */
  private store(input: UpdateInput, request: UpdateRequest, plan: UpdatePlan | undefined, answer: SystemAnswer): void {
    try {
      this.insertRow(input, request, plan, answer);
    } catch (error) {
      if (error instanceof CletsError) throw error;
      throw new CletsError('CLETS_ERR_SYSTEM_ERROR', 'the update could not be stored: not applied', { system: input.system, cause: error });
    }
  }

  private insertRow(input: UpdateInput, request: UpdateRequest, plan: UpdatePlan | undefined, answer: SystemAnswer): void {
    this.insert.run(
      input.system,
      input.requestId === '' ? null : input.requestId,
      request.key,
      request.ori,
      request.operatorId ?? '',
      Math.trunc(Number.isFinite(input.atMs) ? input.atMs : 0),
      plan?.nic ?? null,
      plan === undefined ? 0 : 1,
      JSON.stringify([...input.fields]),
      JSON.stringify(withoutHeader(answer)),
    );
  }

  /** Plans and applies every stored applied update, oldest first. */
  private replay(): { replayed: number; skipped: number } {
    const rows = this.db.prepare('SELECT seq, message_key, ori, operator, at_ms, nic, fields FROM updates WHERE applied = 1 ORDER BY seq').all() as StoredRow[];
    let replayed = 0;
    let skipped = 0;
    for (const row of rows) {
      const fields = new Map(JSON.parse(row.fields) as [string, string][]);
      const request: UpdateRequest = {
        key: row.message_key, fields, ori: row.ori, operatorId: row.operator ?? '', atMs: row.at_ms, ...(row.nic !== null ? { nic: row.nic } : {}),
      };
      if (row.nic !== null) this.noteNic(row.nic);
      try {
        planUpdate(this.files, request, (file) => this.allocateNic(file)).commit();
        replayed++;
      } catch (error) {
        if (!(error instanceof CletsError)) throw error;
        skipped++;
      }
    }
    return { replayed, skipped };
  }

  private noteNic(nic: string): void {
    const letter = nic.charAt(0);
    const number = Number(nic.slice(1));
    if (Number.isInteger(number) && number > (this.nicCounters.get(letter) ?? FIRST_ENTRY_NUMBER)) this.nicCounters.set(letter, number);
  }

  /** The file letter and the next free 9-digit number above the last one given. */
  private allocateNic(file: NicSpace): string {
    let number = this.nicCounters.get(file.nicLetter) ?? FIRST_ENTRY_NUMBER;
    for (;;) {
      number = number + 1 >= NIC_NUMBER_LIMIT ? 1 : number + 1;
      const nic = `${file.nicLetter}${String(number).padStart(9, '0')}`;
      if (!file.nicTaken(nic)) {
        this.nicCounters.set(file.nicLetter, number);
        return nic;
      }
    }
  }
}

const ACTION_WORDS = { enter: 'ENTERED', modify: 'MODIFIED', cancel: 'CANCELLED', locate: 'LOCATED', clear: 'CLEARED', check: 'SECOND-PARTY CHECKED' } as const;

/** `EPO ACCEPTED NIC/H900000001`, what was done, and the record's ORI/OCA/NIC line. */
function acknowledgement(system: string, header: Header | null | undefined, plan: UpdatePlan, atMs: number): Response {
  const summary = plan.summary.map(([tag, value]) => `${tag}/${value}`).join(' ');
  // The entry's date and time, as the record's own DTE prints them (docs/catalogue.md, "Answers an officer can confirm").
  const date = ncicDateTime(atMs);
  const lines = [
    `${plan.key} ACCEPTED NIC/${plan.nic}`,
    `${plan.file} ${plan.words} ${ACTION_WORDS[plan.action]}${summary === '' ? '' : ` ${summary}`}`,
    `ORI/${plan.enteringOri} OCA/${plan.oca} NIC/${plan.nic} DTE/${date}`,
  ];
  const record = acknowledged(system, plan.file, plan.nic, plan.enteringOri, lines, [
    field('NIC', plan.nic), field('ORI', plan.enteringOri), field('OCA', plan.oca), field('DTE', date),
    ...plan.summary.map(([tag, value]) => field(tag, value)),
  ]);
  return buildResponse(header, system, plan.key, [record]);
}

function withoutHeader(answer: SystemAnswer): StoredAnswer {
  if (answer.kind === 'reject') {
    const { header: _header, ...reject } = answer.reject;
    return { kind: 'reject', reject };
  }
  return { kind: 'responses', responses: answer.responses.map(({ header: _header, ...response }) => response) };
}

function withHeader(stored: StoredAnswer, header: Header | null | undefined): SystemAnswer {
  if (stored.kind === 'reject') return { kind: 'reject', reject: { ...stored.reject, header: echoHeader(header) } };
  return { kind: 'responses', responses: stored.responses.map((response) => ({ ...response, header: echoHeader(header) })) };
}
