/**
 * The full CLETS / CJIS security policy (docs/domain.md sections 2, 3 and 6), behind the switch's
 * SecurityPolicy seam. Every rule is a setting (settings.ts) with the CJIS value as default;
 * README.md in this folder lists each rule, its setting, the control it implements and the
 * decisions taken where the sources are silent.
 *
 * - Terminals: registered, device secret (constant time) or a verified client certificate
 *   whose subject is the registered one; the terminal's agency active.
 * - Login: banner first (the switch enforces the order); scrypt password, the same work for
 *   unknown operators; lockout after 5 failures in 15 minutes; TOTP second factor, each code
 *   once; one active session per operator; deactivated, uncertified and non-operator roles
 *   and inactive agencies refused.
 * - Every transaction: session (idle lock, re-authentication), role, certification,
 *   agency, terminal, route-to and purpose code, misuse (self-query refused; watch list,
 *   relatives, home address, volume flagged).
 *
 * The operator store is read on every call, so an administrator's change reaches a live
 * session on its next transaction.
 */
import { randomUUID } from 'node:crypto';
import { BoundedCache, CletsError, type LoginBanner, type MessageKeyDefinition, type TerminalHello, type Transaction } from '@clets/protocol';
import { administratorLapse, certificationLapse, dayOfInstant, type CertificationLapse } from './certification.js';
import { isLocked, recordFailure, settle, UNLOCKED, unlocksAt, type LockoutState } from './lockout.js';
import { ActivityTracker, findTransactionMisuse, purposeMismatch, VolumeCounter, type EmployeesOf, type MisuseFlag, type SubjectIndex } from './misuse.js';
import { deviceSecretMatches, type OperatorRecord, type OperatorStore, type TerminalRecord } from './operator-store.js';
import type { PasswordHasher } from './password.js';
import { CJIS_BANNER_STATEMENTS } from './plain-policy.js';
import {
  loginFailed,
  type Authorization, type ConnectionSource, type LoginStep, type OperatorSession, type PendingLogin, type SecurityPolicy, type TerminalIdentity,
} from './policy.js';
import { checkRouteToRules, VagueReasonRule } from './route-to-rules.js';
import { checkTotp } from './second-factor.js';
import { SessionRegistry, type SessionExpiry } from './sessions.js';
import type { CjisSettings } from './settings.js';

/** A misuse refused outright (a self-query): audit it and put it on the review queue. */
export interface RefusedMisuse {
  readonly flag: MisuseFlag;
  readonly session: OperatorSession;
  readonly transaction: Transaction;
  readonly at: number;
}

export interface CjisPolicyDeps {
  readonly settings: CjisSettings;
  readonly store: OperatorStore;
  readonly hasher: PasswordHasher;
  /** Persons, licences, vehicles and the watch list, for the misuse rules; absent: relatives by name only. */
  readonly subjects?: SubjectIndex | undefined;
  /** Called when a transaction is refused as misuse (self-query). */
  readonly onRefusedMisuse?: ((event: RefusedMisuse) => void) | undefined;
  /** Called when a newer login ends a session (setting 'end-old', or a locked/expired one): close its connection (4016). */
  readonly onSupersede?: ((session: OperatorSession) => void) | undefined;
  readonly log?: { warn(object: object, message?: string): void } | undefined;
}

export const CJIS_BANNER_ID = 'cjis-banner-1';

/** The one detail of every refused administrator login (the reason stays in the audit log). */
export const ADMIN_LOGIN_FAILED = 'check the id, password and one-time code';

interface PendingInfo {
  readonly expiresAt: number;
  /**
   * Whether the id was known and the password right. A wrong one is asked for the code all
   * the same (its failure already counted), so the challenge says nothing of the password.
   */
  readonly passwordMatched: boolean;
}

/** Lockout states of unknown operator ids, so they answer exactly as known ones do (no enumeration). */
class UnknownIdLockouts {
  /** The most recently failed ids, oldest forgotten first; none kept when the limit is 0. */
  readonly #states: BoundedCache<string, LockoutState> | undefined;

  constructor(limit: number) {
    this.#states = limit === 0 ? undefined : new BoundedCache({ capacity: limit });
  }

  get(id: string): LockoutState {
    return this.#states?.peek(id) ?? UNLOCKED;
  }

  set(id: string, state: LockoutState): void {
    this.#states?.set(id, state);
  }
}

export class CjisSecurityPolicy implements SecurityPolicy {
  readonly settings: CjisSettings;
  readonly store: OperatorStore;
  readonly sessions: SessionRegistry;
  readonly #hasher: PasswordHasher;
  readonly #subjects: SubjectIndex | undefined;
  readonly #vague: VagueReasonRule;
  readonly #volume: VolumeCounter;
  readonly #activity: ActivityTracker;
  /** Sessions already flagged for working another agency's terminal (once per session). */
  readonly #otherAgencyFlagged = new WeakSet<OperatorSession>();
  readonly #pending = new WeakMap<PendingLogin, PendingInfo>();
  readonly #unknown: UnknownIdLockouts;
  /** Lockouts the administration endpoint keeps for ids that do not administer: never the account's own. */
  readonly #notAdministrators: UnknownIdLockouts;
  readonly #deps: CjisPolicyDeps;
  /** Certification verdicts by operator, valid for one record version and one day (records are replaced, never mutated). */
  readonly #certification = new Map<string, { record: OperatorRecord; day: number; lapse: CertificationLapse | undefined }>();
  /** The operators whose own record a person is, for the colleague rule (read from the store at each call). */
  readonly #employees: EmployeesOf = (personId) => this.store.operatorsOfPerson(personId);

  constructor(deps: CjisPolicyDeps) {
    this.#deps = deps;
    this.settings = deps.settings;
    this.store = deps.store;
    this.#hasher = deps.hasher;
    this.#subjects = deps.subjects;
    this.sessions = new SessionRegistry(() => this.settings);
    this.#vague = new VagueReasonRule(deps.settings.routeTo);
    this.#volume = new VolumeCounter(() => this.settings.misuse.unusualVolumePerHour);
    this.#activity = new ActivityTracker(() => this.settings.misuse.twoAddressesWindowMs);
    this.#unknown = new UnknownIdLockouts(deps.settings.lockout.unknownIdsTracked);
    this.#notAdministrators = new UnknownIdLockouts(deps.settings.lockout.unknownIdsTracked);
  }

  /** The CJIS login banner: the four statements, shown until acknowledged. */
  banner(): LoginBanner {
    return { bannerId: CJIS_BANNER_ID, statements: [...CJIS_BANNER_STATEMENTS], text: CJIS_BANNER_STATEMENTS.join('\n') };
  }

  async authenticateTerminal(hello: TerminalHello, source: ConnectionSource): Promise<TerminalIdentity> {
    const mnemonic = hello.mnemonic ?? '';
    const terminal = this.store.terminal(mnemonic);
    const subject = source.certificateSubject ?? '';
    let authenticated = false;
    if (terminal !== undefined && this.settings.terminals.acceptCertificateSubject && subject !== '' && terminal.certificateSubject !== null) {
      // A verified certificate naming another terminal is refused even with the right secret.
      if (subject !== terminal.certificateSubject) throw new CletsError('CLETS_ERR_TERMINAL_CREDENTIAL', `${mnemonic}: client certificate is not this terminal's`);
      authenticated = true;
    }
    // Always compare, so an unknown mnemonic costs what a known one does.
    const secretMatches = deviceSecretMatches(hello.deviceSecret ?? '', terminal?.secretDigest ?? null);
    if (terminal === undefined || !terminal.active) throw new CletsError('CLETS_ERR_TERMINAL_UNKNOWN', mnemonic.slice(0, 8));
    if (!authenticated && !secretMatches) throw new CletsError('CLETS_ERR_TERMINAL_CREDENTIAL', terminal.mnemonic);
    if (this.store.agency(terminal.ori)?.active !== true) throw new CletsError('CLETS_ERR_AGENCY_INACTIVE', terminal.ori);
    return identityOf(terminal, source.address);
  }

  /**
   * The password step. Where the terminal's class asks for a second factor, the challenge
   * comes whatever the id and password were (CJIS AAL2: neither factor is confirmed alone):
   * a wrong one is counted now and refused when the code comes, with the same answer as a
   * wrong code, and the account checks (deactivated, certification, one session) wait for
   * the code too. Only a lock already in place is answered at once.
   */
  async beginLogin(terminal: TerminalIdentity, operatorId: string, password: string, now: number): Promise<LoginStep> {
    // One scrypt computation whatever happens next: unknown, locked and known operators take the same time.
    const passwordMatches = await this.#hasher.verify(password, this.store.operator(operatorId)?.passwordHash ?? null);
    const record = this.store.operator(operatorId);
    const challenged = this.settings.terminals.secondFactorRequired.includes(terminal.terminalClass);
    if (record === undefined) {
      const state = settle(this.#unknown.get(operatorId), now, this.settings.lockout);
      if (isLocked(state, now, this.settings.lockout)) throw this.#lockedError(state);
      const failure = this.#unknownFailure(operatorId, now);
      if (!challenged) throw failure;
      return this.#challenge(operatorId, terminal, now, false);
    }
    const lockout = this.#settledLockout(record, now);
    if (isLocked(lockout, now, this.settings.lockout)) throw this.#lockedError(lockout);
    if (!passwordMatches) {
      const failure = this.#failure(record, lockout, now, new CletsError('CLETS_ERR_LOGIN_FAILED'));
      if (!challenged) throw failure;
      return this.#challenge(record.id, terminal, now, false);
    }
    this.#rehashIfNeeded(record, password);
    if (challenged) return this.#challenge(record.id, terminal, now, true);

    this.#checkAccount(record, terminal, now);
    this.#checkConcurrent(record.id, terminal, now);
    return { kind: 'complete', session: this.#open(record, terminal, now) };
  }

  /**
   * The code step. Refused: a lock (already there, or set by this attempt), a login that
   * waited too long, a replayed code (each code once, whatever the password), and with one
   * answer, CLETS_ERR_LOGIN_FAILED, a wrong id, password or code. Each attempt counts once
   * toward the lockout; a right code after a wrong password is not used up.
   */
  async completeLogin(pending: PendingLogin, code: string, now: number): Promise<OperatorSession> {
    const info = this.#pending.get(pending);
    if (info === undefined) throw new CletsError('CLETS_ERR_FRAME_UNEXPECTED', 'no second factor pending: log in again');
    // One answer per challenge: a wrong code means a new login (and counts as a failed attempt).
    this.#pending.delete(pending);
    const record = this.store.operator(pending.operatorId);
    const lockout = record === undefined ? settle(this.#unknown.get(pending.operatorId), now, this.settings.lockout) : this.#settledLockout(record, now);
    if (isLocked(lockout, now, this.settings.lockout)) throw this.#lockedError(lockout);
    // A wrong password was counted when it came; a right one is counted here if the code fails.
    const fail = (error: CletsError): CletsError => (info.passwordMatched && record !== undefined ? this.#failure(record, lockout, now, error) : error);
    if (now > info.expiresAt) throw fail(loginFailed(undefined, 'the login waited too long: log in again'));
    // Not enrolled: nothing to check the code against. Not counted, and answered as a wrong code.
    if (info.passwordMatched && record?.totpSecret === null) throw loginFailed(new CletsError('CLETS_ERR_SECOND_FACTOR_REQUIRED', 'no second factor enrolled'));
    const outcome = checkTotp(record?.totpSecret ?? '', code, now, record?.totpLastStep ?? null, this.settings.secondFactor.windowSteps);
    // A replay is told as such (the terminal waits for the next code): it depends on the code alone, never on the password.
    if (!outcome.ok && outcome.code === 'CLETS_ERR_SECOND_FACTOR_REPLAYED') throw fail(new CletsError(outcome.code));
    if (!info.passwordMatched || record === undefined) throw loginFailed(new CletsError('CLETS_ERR_LOGIN_FAILED'));
    if (!outcome.ok) throw fail(loginFailed(new CletsError(outcome.code)));
    const updated = this.store.updateOperator(record.id, { totpLastStep: outcome.step }) ?? record;
    this.#checkAccount(updated, pending.terminal, now);
    this.#checkConcurrent(updated.id, pending.terminal, now);
    return this.#open(updated, pending.terminal, now);
  }

  checkSession(session: OperatorSession, now: number, activity: boolean): void {
    const state = this.sessions.stateAt(session, now);
    if (state === undefined) throw new CletsError('CLETS_ERR_NOT_LOGGED_IN', 'the session has ended: log in again');
    if (state === 'superseded') throw new CletsError('CLETS_ERR_SESSION_SUPERSEDED');
    if (now >= session.reauthenticateAt) throw new CletsError('CLETS_ERR_REAUTH_REQUIRED', `sessions last ${Math.round(this.settings.sessions.reauthenticateAfterMs / 3_600_000)} hours`);
    if (state === 'locked') throw new CletsError('CLETS_ERR_SESSION_LOCKED');
    const record = this.store.operator(session.operatorId);
    if (record === undefined) throw new CletsError('CLETS_ERR_NOT_LOGGED_IN', 'operator no longer registered');
    // A certification that lapsed, a deactivation or a role change during the session takes effect at once.
    this.#checkAccount(record, session.terminal, now);
    if (activity) this.sessions.touch(session, now);
  }

  authorizeTransaction(session: OperatorSession, definition: MessageKeyDefinition, transaction: Transaction, now: number): Authorization {
    const record = this.store.operator(session.operatorId);
    if (record === undefined) throw new CletsError('CLETS_ERR_NOT_LOGGED_IN', 'operator no longer registered');
    const access = this.#checkAccount(record, session.terminal, now);

    const terminal = this.store.terminal(session.terminal.mnemonic);
    if (terminal === undefined || !terminal.active) throw new CletsError('CLETS_ERR_TERMINAL_UNKNOWN', `${session.terminal.mnemonic} is no longer registered`);
    if (terminal.terminalClass === 'receive_only') {
      throw new CletsError('CLETS_ERR_TERMINAL_KEY_NOT_ALLOWED', `${terminal.mnemonic} is a receive-only terminal`, { field: 'MKE' });
    }
    if (terminal.allowedKeys !== null && !terminal.allowedKeys.includes(definition.key)) {
      throw new CletsError('CLETS_ERR_TERMINAL_KEY_NOT_ALLOWED', `${terminal.mnemonic} may not send ${definition.key}`, { field: 'MKE' });
    }

    // docs/domain.md section 2: updates (entries, modifications, cancellations) are for full-access operators only.
    if ((definition.fullAccessOnly || definition.action === 'update') && access !== 'full') {
      throw new CletsError('CLETS_ERR_ROLE_NOT_PERMITTED', `${definition.key} is an update: full-access operators only`, { field: 'MKE' });
    }
    if (definition.route.kind === 'destinations' && isBroadcast(transaction) && this.settings.roles.broadcastAccess === 'full' && access !== 'full') {
      throw new CletsError('CLETS_ERR_BROADCAST_NOT_PERMITTED', 'messages to ALL or a whole county: full-access operators only', { field: 'DEST' });
    }

    checkRouteToRules(definition, transaction.routeTo, { settings: this.settings, vague: this.#vague });

    // Most transactions raise no flag: the array is made for the first one.
    let flags: MisuseFlag[] | undefined;
    if (definition.action === 'inquiry' || definition.action === 'update') {
      const findings = findTransactionMisuse(record, transaction, this.#subjects, this.settings.misuse, this.#employees);
      if (findings.selfQuery !== undefined) {
        this.#reportRefused({ flag: findings.selfQuery, session, transaction, at: now });
        throw new CletsError('CLETS_ERR_SELF_QUERY');
      }
      if (findings.flags.length > 0) flags = [...findings.flags];
      if (definition.purposeCodeRequired) {
        const mismatch = purposeMismatch(transaction.routeTo, this.settings.misuse.purposeMismatch);
        if (mismatch !== undefined) (flags ??= []).push(mismatch);
      }
    }
    const volume = this.#volume.count(record.id, now);
    if (volume !== undefined) (flags ??= []).push(volume);
    const address = session.terminal.sourceAddress;
    if (this.settings.misuse.twoAddresses && address !== undefined) {
      const elsewhere = this.#activity.record(record.id, address, session.terminal.mnemonic, now);
      if (elsewhere !== undefined) (flags ??= []).push(elsewhere);
    }
    if (this.settings.misuse.otherAgencyTerminal && session.terminal.ori !== record.ori && !this.#otherAgencyFlagged.has(session)) {
      this.#otherAgencyFlagged.add(session);
      (flags ??= []).push({ kind: 'other-agency-terminal', detail: `operator ${record.id} of ${record.ori} working terminal ${session.terminal.mnemonic} of ${session.terminal.ori}` });
    }
    return flags === undefined ? NO_FLAGS : { flags };
  }

  endSession(session: OperatorSession): void {
    this.sessions.end(session);
  }

  /** Sessions to lock, disconnect or send back to log in now (for the switch's periodic sweep). */
  expiredSessions(now: number): SessionExpiry[] {
    return this.sessions.expiries(now);
  }

  /** Whether an operator's account is locked now, and until when (undefined: until an administrator unlocks it). */
  lockoutStatus(operatorId: string, now: number): { locked: boolean; failures: number; unlocksAt: number | undefined } {
    const record = this.store.operator(operatorId);
    const state = settle(record?.lockout ?? UNLOCKED, now, this.settings.lockout);
    const locked = isLocked(state, now, this.settings.lockout);
    return { locked, failures: state.failures.length, unlocksAt: locked ? unlocksAt(state, this.settings.lockout) : undefined };
  }

  /** An administrator releases a locked account. False when there is no such operator. */
  unlock(operatorId: string): boolean {
    return this.store.updateOperator(operatorId, { lockout: UNLOCKED }) !== undefined;
  }

  /**
   * Checks an administrator's password and second factor (the administration API) and
   * returns the operator record. Every failure of the factors answers CLETS_ERR_LOGIN_FAILED
   * (or CLETS_ERR_ACCOUNT_LOCKED), the real reason in its cause.
   *
   * An id that does not administer (unknown, or a role outside `roles.administrators`) is
   * refused the same way and with the same hashing work, and its failures go to a lockout
   * of their own, in memory: the account itself, and its terminal login, are never touched,
   * so nobody locks an operator out through this endpoint. An administrator's failures here
   * count toward their account's one lockout (CJIS: the account locks, wherever the attempts
   * come from; another administrator unlocks it).
   */
  async authenticateAdministrator(operatorId: string, password: string, code: string, now: number): Promise<OperatorRecord> {
    const found = this.store.operator(operatorId);
    const record = found !== undefined && this.settings.roles.administrators.includes(found.role) ? found : undefined;
    const passwordMatches = await this.#hasher.verify(password, record?.passwordHash ?? null);
    if (record === undefined) throw this.#notAdministratorFailure(operatorId, now);
    const lockout = this.#settledLockout(record, now);
    if (isLocked(lockout, now, this.settings.lockout)) throw this.#lockedError(lockout);
    const outcome = checkTotp(record.totpSecret ?? '', code, now, record.totpLastStep, this.settings.secondFactor.windowSteps);
    if (!passwordMatches) throw this.#failure(record, lockout, now, loginFailed(new CletsError('CLETS_ERR_LOGIN_FAILED'), ADMIN_LOGIN_FAILED));
    if (record.totpSecret === null) throw loginFailed(new CletsError('CLETS_ERR_SECOND_FACTOR_REQUIRED', 'no second factor enrolled'), ADMIN_LOGIN_FAILED);
    if (!outcome.ok) throw this.#failure(record, lockout, now, loginFailed(new CletsError(outcome.code), ADMIN_LOGIN_FAILED));
    // Background check, security awareness at the role's level, the liability packet for administrators.
    const lapse = administratorLapse(record, now, this.settings.certification);
    if (lapse !== undefined) throw new CletsError(lapse.code, lapse.detail);
    if (this.store.agency(record.ori)?.active !== true) throw new CletsError('CLETS_ERR_AGENCY_INACTIVE', record.ori);
    this.#rehashIfNeeded(record, password);
    return this.store.updateOperator(record.id, { totpLastStep: outcome.step, lockout: UNLOCKED }) ?? record;
  }

  // --- internals -----------------------------------------------------------------------------

  /**
   * The account facts that hold at login and on every message: role operates a terminal,
   * certification current, operator's and terminal's agencies active. Returns the role's access.
   */
  #checkAccount(record: OperatorRecord, terminal: TerminalIdentity, now: number): 'full' | 'inquiry' {
    const access = this.settings.roles.terminalAccess[record.role];
    if (record.deactivated) throw new CletsError('CLETS_ERR_OPERATOR_DEACTIVATED');
    if (access === 'none') throw new CletsError('CLETS_ERR_ROLE_NO_TERMINAL_ACCESS', record.role);
    const lapse = this.#certificationLapse(record, now);
    if (lapse !== undefined) throw new CletsError(lapse.code, lapse.detail);
    if (this.store.agency(record.ori)?.active !== true) throw new CletsError('CLETS_ERR_AGENCY_INACTIVE', record.ori);
    if (terminal.ori !== record.ori && this.store.agency(terminal.ori)?.active !== true) throw new CletsError('CLETS_ERR_AGENCY_INACTIVE', terminal.ori);
    return access;
  }

  #certificationLapse(record: OperatorRecord, now: number): CertificationLapse | undefined {
    const day = dayOfInstant(now);
    const cached = this.#certification.get(record.id);
    if (cached !== undefined && cached.record === record && cached.day === day) return cached.lapse;
    const lapse = certificationLapse(record, now, this.settings.certification, record.role);
    this.#certification.set(record.id, { record, day, lapse });
    return lapse;
  }

  /** One active session per operator ('refuse-new'); a session at the same terminal, or locked or expired, may be replaced. */
  #checkConcurrent(operatorId: string, terminal: TerminalIdentity, now: number): void {
    if (this.settings.sessions.concurrent !== 'refuse-new') return;
    const existing = this.sessions.holdsOperator(operatorId, now);
    if (existing !== undefined && existing.terminal.mnemonic !== terminal.mnemonic) {
      throw new CletsError('CLETS_ERR_SESSION_ACTIVE_ELSEWHERE', `logged in at ${existing.terminal.mnemonic}: log out there first`);
    }
  }

  #open(record: OperatorRecord, terminal: TerminalIdentity, now: number): OperatorSession {
    if (record.lockout.failures.length > 0 || record.lockout.lockedAt !== null) this.store.updateOperator(record.id, { lockout: UNLOCKED });
    const previous = this.settings.sessions.concurrent === 'allow' ? undefined : this.sessions.activeFor(record.id);
    if (previous !== undefined) {
      this.sessions.supersede(previous);
      this.#deps.onSupersede?.(previous);
    }
    const session: OperatorSession = Object.freeze({
      sessionId: randomUUID(), operatorId: record.id, ori: record.ori, role: record.role, terminal,
      startedAt: now, reauthenticateAt: now + this.settings.sessions.reauthenticateAfterMs,
    });
    this.sessions.start(session);
    return session;
  }

  #settledLockout(record: OperatorRecord, now: number): LockoutState {
    const settled = settle(record.lockout, now, this.settings.lockout);
    if (settled !== record.lockout) this.store.updateOperator(record.id, { lockout: settled });
    return settled;
  }

  /** Records a failed attempt; the error to answer (the attempt that locks the account answers "locked"). */
  #failure(record: OperatorRecord, lockout: LockoutState, now: number, error: CletsError): CletsError {
    const next = recordFailure(lockout, now, this.settings.lockout);
    this.store.updateOperator(record.id, { lockout: next });
    return next.lockedAt !== null ? this.#lockedError(next) : error;
  }

  #unknownFailure(operatorId: string, now: number): CletsError {
    return this.#shadowFailure(this.#unknown, operatorId, now, new CletsError('CLETS_ERR_LOGIN_FAILED'));
  }

  #notAdministratorFailure(operatorId: string, now: number): CletsError {
    return this.#shadowFailure(this.#notAdministrators, operatorId, now, loginFailed(new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED'), ADMIN_LOGIN_FAILED));
  }

  /** A failure kept apart from any account: it locks and answers as an account would, and locks nothing else. */
  #shadowFailure(lockouts: UnknownIdLockouts, operatorId: string, now: number, error: CletsError): CletsError {
    const state = settle(lockouts.get(operatorId), now, this.settings.lockout);
    if (isLocked(state, now, this.settings.lockout)) return this.#lockedError(state);
    const next = recordFailure(state, now, this.settings.lockout);
    lockouts.set(operatorId, next);
    return next.lockedAt !== null ? this.#lockedError(next) : error;
  }

  #challenge(operatorId: string, terminal: TerminalIdentity, now: number, passwordMatched: boolean): LoginStep {
    const pending: PendingLogin = Object.freeze({ operatorId, terminal, startedAt: now });
    this.#pending.set(pending, { expiresAt: now + this.settings.secondFactor.pendingTimeoutMs, passwordMatched });
    return { kind: 'second-factor', pending, method: 'TOTP' };
  }

  #lockedError(state: LockoutState): CletsError {
    const until = unlocksAt(state, this.settings.lockout);
    return new CletsError('CLETS_ERR_ACCOUNT_LOCKED', until === undefined ? 'an administrator must unlock it' : `try again after ${new Date(until).toISOString()}`);
  }

  #rehashIfNeeded(record: OperatorRecord, password: string): void {
    if (record.passwordHash === null || !this.#hasher.needsRehash(record.passwordHash)) return;
    const old = record.passwordHash;
    this.#hasher.hash(password).then((hash) => {
      // Only if nobody changed the password meanwhile.
      if (this.store.operator(record.id)?.passwordHash === old) this.store.updateOperator(record.id, { passwordHash: hash });
    }, (error: unknown) => this.#deps.log?.warn({ err: error, operatorId: record.id }, 'password rehash failed'));
  }

  #reportRefused(event: RefusedMisuse): void {
    try {
      this.#deps.onRefusedMisuse?.(event);
    } catch (error) {
      // The refusal stands whatever the reporting does; the reject row is audited by the pipeline.
      this.#deps.log?.warn({ err: error, operatorId: event.session.operatorId }, 'misuse report failed');
    }
  }
}

/** The authorization of a transaction that raised no flag: shared, frozen. */
const NO_FLAGS: Authorization = Object.freeze({ flags: Object.freeze([]) as readonly MisuseFlag[] });

/** Header destinations that reach more than one agency: ALL, or a county (C01-C58). */
function isBroadcast(transaction: Transaction): boolean {
  return (transaction.header?.destinations ?? []).some((destination) => destination === 'ALL' || /^C\d{2}$/.test(destination));
}

export function identityOf(terminal: TerminalRecord, sourceAddress?: string): TerminalIdentity {
  return Object.freeze({
    mnemonic: terminal.mnemonic,
    ori: terminal.ori,
    terminalClass: terminal.terminalClass,
    allowedKeys: terminal.allowedKeys === null ? undefined : new Set(terminal.allowedKeys),
    ...(sourceAddress === undefined ? {} : { sourceAddress }),
  });
}
