/**
 * The policy's view of agencies, terminals and operators, updatable at run time by the
 * administration API: role, certification dates and scores, statements, background check,
 * deactivation, password hash, TOTP secret and last accepted step, failed-logon state.
 *
 * SQLite (better-sqlite3, synchronous) with an in-memory mirror: the policy reads the mirror
 * on every transaction (no I/O on the hot path), every write goes to the table and the mirror
 * together, so a change takes effect on the next transaction of a live session. Seeded from
 * the fixtures (the demo's state registration) for every id not yet stored: a restart keeps
 * administrative changes and never hashes a demo password twice.
 *
 * Secrets: operator passwords are stored as scrypt hashes only; terminal device secrets (128
 * random bits, not user-chosen) as SHA-256 digests, compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AwarenessTraining, BackgroundCheck, CertificationRecord, ExamLevel } from './certification.js';
import type { LockoutState } from './lockout.js';
import type { MisuseSubjectOperator } from './misuse.js';
import type { PasswordHasher } from './password.js';
import type { OperatorRole, TerminalClass } from './policy.js';
import { ensureSchema, type SecurityDatabase } from './security-database.js';

export interface AgencyRecord {
  readonly ori: string;
  readonly name: string;
  readonly countyCode: string;
  readonly active: boolean;
}

export interface TerminalRecord {
  readonly mnemonic: string;
  readonly ori: string;
  readonly terminalClass: TerminalClass;
  /** SHA-256 (hex) of the device secret; null: the terminal authenticates by certificate only. */
  readonly secretDigest: string | null;
  /** Subject of the client certificate registered for the terminal. */
  readonly certificateSubject: string | null;
  /** Message keys it may send; null: every key. */
  readonly allowedKeys: readonly string[] | null;
  readonly active: boolean;
  readonly registeredAt: number;
}

export interface OperatorRecord extends CertificationRecord, MisuseSubjectOperator {
  readonly id: string;
  readonly ori: string;
  readonly role: OperatorRole;
  readonly name: { readonly last: string; readonly first: string };
  readonly passwordHash: string | null;
  readonly passwordChangedAt: number | null;
  readonly totpSecret: string | null;
  readonly totpLastStep: number | null;
  readonly lockout: LockoutState;
  /** Who deactivated the account, when and why (absent: never, or before this was kept). */
  readonly deactivation?: OperatorDeactivation | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface OperatorDeactivation {
  readonly at: number;
  readonly by: string;
  readonly reason: string;
  /** The `admin_action` row that recorded it. */
  readonly auditSeq: number | null;
}

/** The fields an administrator (or the seed) may set. */
export type OperatorChanges = Partial<Omit<OperatorRecord, 'id' | 'createdAt' | 'updatedAt'>>;

/** A fixture operator, structurally (packages/fixtures model `Operator`). */
export interface OperatorSeed {
  readonly id: string;
  readonly name: { readonly last: string; readonly first: string };
  readonly ori: string;
  readonly role: OperatorRole;
  /** DEMO ONLY plaintext; hashed before it is stored. */
  readonly password: string;
  readonly totpSecret?: string | undefined;
  readonly appointedOn: string;
  readonly trainedOn: string;
  readonly examTakenOn: string;
  readonly examScore: number;
  readonly employeeStatementSignedOn: string;
  readonly dmvStatementSignedOn: string;
  readonly backgroundCheck: BackgroundCheck;
  readonly deactivated: boolean;
  /** Absent: the level of the role (FAO, LTFAO), none for the others. */
  readonly examLevel?: ExamLevel | undefined;
  readonly securityAwareness?: AwarenessTraining | undefined;
  readonly liabilitySignedOn?: string | undefined;
  readonly homeAddress?: { readonly street: string; readonly city: string; readonly zip: string } | undefined;
  readonly relatives?: readonly { readonly last: string; readonly first: string; readonly dob: string }[] | undefined;
  readonly personId?: string | undefined;
}

export interface TerminalSeed {
  readonly mnemonic: string;
  readonly ori: string;
  readonly class: TerminalClass;
  readonly deviceSecret?: string | undefined;
  readonly certificateSubject?: string | undefined;
  readonly allowedKeys?: readonly string[] | undefined;
}

export interface StoreSeed {
  readonly agencies: readonly AgencyRecord[];
  readonly terminals: readonly TerminalSeed[];
  readonly operators: readonly OperatorSeed[];
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS agencies (
  ori TEXT PRIMARY KEY, name TEXT NOT NULL, county_code TEXT NOT NULL, active INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS terminals (
  mnemonic TEXT PRIMARY KEY, ori TEXT NOT NULL, class TEXT NOT NULL, secret_digest TEXT, certificate_subject TEXT,
  allowed_keys TEXT, active INTEGER NOT NULL, registered_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS operators (
  id TEXT PRIMARY KEY, body TEXT NOT NULL, ori TEXT NOT NULL, updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS operators_ori ON operators (ori);
`;

/** SHA-256 of a device secret, hex. */
export function deviceSecretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented device secret with a stored digest. */
export function deviceSecretMatches(given: string, digest: string | null): boolean {
  const expected = Buffer.from(digest ?? '0'.repeat(64), 'hex');
  const actual = Buffer.from(deviceSecretDigest(given), 'hex');
  return expected.length === actual.length && timingSafeEqual(actual, expected) && digest !== null;
}

export class OperatorStore {
  readonly #agencies = new Map<string, AgencyRecord>();
  readonly #terminals = new Map<string, TerminalRecord>();
  readonly #operators = new Map<string, OperatorRecord>();
  /** Operators by their own person record: a subject who is an employee (misuse.ts, colleague). */
  readonly #byPerson = new Map<string, Set<string>>();
  readonly #writeOperator: (record: OperatorRecord) => void;
  readonly #writeTerminal: (record: TerminalRecord) => void;
  readonly #writeAgency: (record: AgencyRecord) => void;

  constructor(private readonly db: SecurityDatabase, private readonly clock: () => number = Date.now) {
    ensureSchema(db, 'operators', '1', SCHEMA);
    const upsertOperator = db.prepare(`INSERT INTO operators (id, body, ori, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET body = excluded.body, ori = excluded.ori, updated_at = excluded.updated_at`);
    const upsertTerminal = db.prepare(`INSERT INTO terminals (mnemonic, ori, class, secret_digest, certificate_subject, allowed_keys, active, registered_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mnemonic) DO UPDATE SET ori = excluded.ori, class = excluded.class,
      secret_digest = excluded.secret_digest, certificate_subject = excluded.certificate_subject, allowed_keys = excluded.allowed_keys,
      active = excluded.active`);
    const upsertAgency = db.prepare(`INSERT INTO agencies (ori, name, county_code, active) VALUES (?, ?, ?, ?)
      ON CONFLICT (ori) DO UPDATE SET name = excluded.name, county_code = excluded.county_code, active = excluded.active`);
    this.#writeOperator = (record) => { upsertOperator.run(record.id, JSON.stringify(record), record.ori, record.updatedAt); };
    this.#writeTerminal = (record) => {
      upsertTerminal.run(record.mnemonic, record.ori, record.terminalClass, record.secretDigest, record.certificateSubject,
        record.allowedKeys === null ? null : JSON.stringify(record.allowedKeys), record.active ? 1 : 0, record.registeredAt);
    };
    this.#writeAgency = (record) => { upsertAgency.run(record.ori, record.name, record.countyCode, record.active ? 1 : 0); };
    this.#load();
  }

  // --- agencies ------------------------------------------------------------------------------

  agency(ori: string): AgencyRecord | undefined {
    return this.#agencies.get(ori);
  }

  agencies(): AgencyRecord[] {
    return [...this.#agencies.values()];
  }

  putAgency(record: AgencyRecord): AgencyRecord {
    const frozen = Object.freeze({ ...record });
    this.#writeAgency(frozen);
    this.#agencies.set(frozen.ori, frozen);
    return frozen;
  }

  // --- terminals -----------------------------------------------------------------------------

  terminal(mnemonic: string): TerminalRecord | undefined {
    return this.#terminals.get(mnemonic);
  }

  terminals(filter: { ori?: string } = {}): TerminalRecord[] {
    return [...this.#terminals.values()].filter((terminal) => filter.ori === undefined || terminal.ori === filter.ori);
  }

  putTerminal(record: Omit<TerminalRecord, 'registeredAt'> & { registeredAt?: number }): TerminalRecord {
    const previous = this.#terminals.get(record.mnemonic);
    const frozen: TerminalRecord = Object.freeze({
      ...record,
      allowedKeys: record.allowedKeys === null ? null : Object.freeze([...record.allowedKeys]),
      registeredAt: record.registeredAt ?? previous?.registeredAt ?? this.clock(),
    });
    this.#writeTerminal(frozen);
    this.#terminals.set(frozen.mnemonic, frozen);
    return frozen;
  }

  // --- operators -----------------------------------------------------------------------------

  operator(id: string): OperatorRecord | undefined {
    return this.#operators.get(id);
  }

  operators(filter: { ori?: string; role?: OperatorRole } = {}): OperatorRecord[] {
    return [...this.#operators.values()].filter((operator) =>
      (filter.ori === undefined || operator.ori === filter.ori) && (filter.role === undefined || operator.role === filter.role));
  }

  /** The operators (not deactivated) whose own person record is `personId`. */
  operatorsOfPerson(personId: string): OperatorRecord[] {
    const ids = this.#byPerson.get(personId);
    if (ids === undefined) return [];
    return [...ids].map((id) => this.#operators.get(id)).filter((record): record is OperatorRecord => record !== undefined && !record.deactivated);
  }

  /** Inserts a new operator; false when the id is taken. */
  createOperator(record: Omit<OperatorRecord, 'createdAt' | 'updatedAt'>): OperatorRecord | undefined {
    if (this.#operators.has(record.id)) return undefined;
    const now = this.clock();
    return this.#putOperator({ ...record, createdAt: now, updatedAt: now });
  }

  /** Applies changes; undefined when there is no such operator. */
  updateOperator(id: string, changes: OperatorChanges): OperatorRecord | undefined {
    const current = this.#operators.get(id);
    if (current === undefined) return undefined;
    return this.#putOperator({ ...current, ...changes, id, createdAt: current.createdAt, updatedAt: this.clock() });
  }

  /**
   * Inserts the agencies, terminals and operators not stored yet, hashing the demo passwords
   * (concurrently, within the hasher's cap). Returns how many operators were added.
   */
  async seed(seed: StoreSeed, hasher: PasswordHasher): Promise<{ operators: number; terminals: number; agencies: number }> {
    let agencies = 0;
    let terminals = 0;
    for (const agency of seed.agencies) {
      if (this.#agencies.has(agency.ori)) continue;
      this.putAgency({ ori: agency.ori, name: agency.name, countyCode: agency.countyCode, active: agency.active });
      agencies += 1;
    }
    for (const terminal of seed.terminals) {
      if (this.#terminals.has(terminal.mnemonic)) continue;
      this.putTerminal({
        mnemonic: terminal.mnemonic, ori: terminal.ori, terminalClass: terminal.class,
        secretDigest: terminal.deviceSecret === undefined ? null : deviceSecretDigest(terminal.deviceSecret),
        certificateSubject: terminal.certificateSubject ?? null,
        allowedKeys: terminal.allowedKeys === undefined ? null : [...terminal.allowedKeys],
        active: true,
      });
      terminals += 1;
    }
    const missing = seed.operators.filter((operator) => !this.#operators.has(operator.id));
    const hashes = await Promise.all(missing.map((operator) => hasher.hashDemo(operator.password)));
    const insertAll = this.db.transaction(() => {
      missing.forEach((operator, index) => {
        this.createOperator({
          id: operator.id, ori: operator.ori, role: operator.role, name: { last: operator.name.last, first: operator.name.first },
          passwordHash: hashes[index] ?? null, passwordChangedAt: null,
          totpSecret: operator.totpSecret ?? null, totpLastStep: null,
          lockout: { failures: [], lockedAt: null },
          deactivated: operator.deactivated, backgroundCheck: operator.backgroundCheck, appointedOn: operator.appointedOn,
          trainedOn: operator.trainedOn, examTakenOn: operator.examTakenOn, examScore: operator.examScore,
          employeeStatementSignedOn: operator.employeeStatementSignedOn, dmvStatementSignedOn: operator.dmvStatementSignedOn,
          examLevel: operator.examLevel ?? roleExamLevel(operator.role),
          securityAwareness: operator.securityAwareness === undefined ? null : { level: operator.securityAwareness.level, completedOn: operator.securityAwareness.completedOn },
          liabilitySignedOn: operator.liabilitySignedOn ?? null,
          personId: operator.personId ?? null,
          homeAddress: operator.homeAddress === undefined ? null : { street: operator.homeAddress.street, zip: operator.homeAddress.zip },
          relatives: (operator.relatives ?? []).map((relative) => ({ last: relative.last, first: relative.first, dob: relative.dob })),
        });
      });
    });
    insertAll();
    return { operators: missing.length, terminals, agencies };
  }

  #putOperator(record: OperatorRecord): OperatorRecord {
    const frozen = freezeOperator(record);
    this.#writeOperator(frozen);
    this.#remember(frozen);
    return frozen;
  }

  #remember(record: OperatorRecord): void {
    const previous = this.#operators.get(record.id);
    if (previous?.personId != null && previous.personId !== record.personId) this.#byPerson.get(previous.personId)?.delete(record.id);
    this.#operators.set(record.id, record);
    if (record.personId !== null) {
      let ids = this.#byPerson.get(record.personId);
      if (ids === undefined) this.#byPerson.set(record.personId, ids = new Set());
      ids.add(record.id);
    }
  }

  #load(): void {
    for (const row of this.db.prepare('SELECT ori, name, county_code AS countyCode, active FROM agencies').all() as { ori: string; name: string; countyCode: string; active: number }[]) {
      this.#agencies.set(row.ori, Object.freeze({ ...row, active: row.active === 1 }));
    }
    const terminalRows = this.db.prepare(`SELECT mnemonic, ori, class, secret_digest AS secretDigest, certificate_subject AS certificateSubject,
      allowed_keys AS allowedKeys, active, registered_at AS registeredAt FROM terminals`).all() as {
      mnemonic: string; ori: string; class: TerminalClass; secretDigest: string | null; certificateSubject: string | null;
      allowedKeys: string | null; active: number; registeredAt: number;
    }[];
    for (const row of terminalRows) {
      this.#terminals.set(row.mnemonic, Object.freeze({
        mnemonic: row.mnemonic, ori: row.ori, terminalClass: row.class, secretDigest: row.secretDigest,
        certificateSubject: row.certificateSubject, allowedKeys: row.allowedKeys === null ? null : Object.freeze(JSON.parse(row.allowedKeys) as string[]),
        active: row.active === 1, registeredAt: row.registeredAt,
      }));
    }
    for (const row of this.db.prepare('SELECT body FROM operators').pluck().all() as string[]) {
      this.#remember(freezeOperator(withCertificationDefaults(JSON.parse(row) as OperatorRecord)));
    }
  }
}

/** The exam level an operator of a role was taken to have before exam levels were kept. */
export function roleExamLevel(role: OperatorRole): ExamLevel | null {
  return role === 'FAO' || role === 'LTFAO' ? role : null;
}

/**
 * A record stored before exam levels, security awareness and the liability sign-off were
 * kept: its exam is read as taken at its role's level, and it has no awareness training or
 * sign-off on file (so the coordinator records them before the operator works again).
 */
function withCertificationDefaults(record: Partial<Pick<OperatorRecord, 'examLevel' | 'securityAwareness' | 'liabilitySignedOn'>> & Omit<OperatorRecord, 'examLevel' | 'securityAwareness' | 'liabilitySignedOn'>): OperatorRecord {
  return {
    ...record,
    examLevel: record.examLevel === undefined ? roleExamLevel(record.role) : record.examLevel,
    securityAwareness: record.securityAwareness ?? null,
    liabilitySignedOn: record.liabilitySignedOn ?? null,
  };
}

function freezeOperator(record: OperatorRecord): OperatorRecord {
  return Object.freeze({
    ...record,
    name: Object.freeze({ ...record.name }),
    homeAddress: record.homeAddress === null ? null : Object.freeze({ ...record.homeAddress }),
    relatives: Object.freeze(record.relatives.map((relative) => Object.freeze({ ...relative }))),
    securityAwareness: record.securityAwareness === null ? null : Object.freeze({ ...record.securityAwareness }),
    lockout: Object.freeze({ failures: Object.freeze([...record.lockout.failures]), lockedAt: record.lockout.lockedAt }),
  });
}
