/**
 * Live operator sessions as the policy tracks them (CJIS): one active session per user; the
 * session locks after 30 minutes without operator activity, except on exempt terminal
 * classes; it must re-authenticate at least every 12 hours; the network connection of an idle
 * session is dropped after an hour.
 *
 * A locked session stays locked: the operator logs in again (which ends it). Sessions live
 * in memory only, as the connections they belong to do.
 */
import type { OperatorSession } from './policy.js';
import type { CjisSettings } from './settings.js';

export type SessionState = 'active' | 'locked' | 'superseded';

interface TrackedSession {
  readonly session: OperatorSession;
  lastActivity: number;
  state: SessionState;
}

/** Why the switch should act on a session now (the periodic sweep). */
export interface SessionExpiry {
  readonly session: OperatorSession;
  readonly reason: 'idle-lock' | 'idle-disconnect' | 'reauthenticate';
}

export class SessionRegistry {
  readonly #bySessionId = new Map<string, TrackedSession>();
  readonly #byOperator = new Map<string, string>();

  constructor(private readonly settings: () => CjisSettings) {}

  /** The operator's current session, if any. */
  activeFor(operatorId: string): OperatorSession | undefined {
    const sessionId = this.#byOperator.get(operatorId);
    return sessionId === undefined ? undefined : this.#bySessionId.get(sessionId)?.session;
  }

  /**
   * Whether the operator's existing session still counts as active at `now`. A locked session,
   * or one past its re-authentication time, does not: a new login may replace it.
   */
  holdsOperator(operatorId: string, now: number): OperatorSession | undefined {
    const sessionId = this.#byOperator.get(operatorId);
    const tracked = sessionId === undefined ? undefined : this.#bySessionId.get(sessionId);
    if (tracked === undefined || tracked.state !== 'active') return undefined;
    if (now >= tracked.session.reauthenticateAt || this.#idleLocked(tracked, now)) return undefined;
    return tracked.session;
  }

  start(session: OperatorSession): void {
    this.#bySessionId.set(session.sessionId, { session, lastActivity: session.startedAt, state: 'active' });
    this.#byOperator.set(session.operatorId, session.sessionId);
  }

  /** Marks a session replaced by a newer login; it is refused from now on. */
  supersede(session: OperatorSession): void {
    const tracked = this.#bySessionId.get(session.sessionId);
    if (tracked !== undefined) tracked.state = 'superseded';
    if (this.#byOperator.get(session.operatorId) === session.sessionId) this.#byOperator.delete(session.operatorId);
  }

  end(session: OperatorSession): void {
    this.#bySessionId.delete(session.sessionId);
    if (this.#byOperator.get(session.operatorId) === session.sessionId) this.#byOperator.delete(session.operatorId);
  }

  /**
   * The session's state at `now`, locking it when it has been idle too long (exempt classes
   * never lock). Undefined when the policy does not know the session (ended).
   */
  stateAt(session: OperatorSession, now: number): SessionState | undefined {
    const tracked = this.#bySessionId.get(session.sessionId);
    if (tracked === undefined) return undefined;
    if (tracked.state === 'active' && this.#idleLocked(tracked, now)) tracked.state = 'locked';
    return tracked.state;
  }

  /** Operator activity: restarts the idle timer. */
  touch(session: OperatorSession, now: number): void {
    const tracked = this.#bySessionId.get(session.sessionId);
    if (tracked !== undefined && now > tracked.lastActivity) tracked.lastActivity = now;
  }

  lastActivity(session: OperatorSession): number | undefined {
    return this.#bySessionId.get(session.sessionId)?.lastActivity;
  }

  /** Sessions the switch should lock, disconnect or send back to log in, at `now`. */
  expiries(now: number): SessionExpiry[] {
    const settings = this.settings();
    const out: SessionExpiry[] = [];
    for (const tracked of this.#bySessionId.values()) {
      if (tracked.state === 'superseded') continue;
      const exempt = settings.terminals.idleLockExempt.includes(tracked.session.terminal.terminalClass);
      if (now >= tracked.session.reauthenticateAt) out.push({ session: tracked.session, reason: 'reauthenticate' });
      else if (!exempt && now - tracked.lastActivity >= settings.sessions.idleDisconnectMs) out.push({ session: tracked.session, reason: 'idle-disconnect' });
      else if (!exempt && now - tracked.lastActivity >= settings.sessions.idleLockMs) out.push({ session: tracked.session, reason: 'idle-lock' });
    }
    return out;
  }

  get size(): number {
    return this.#bySessionId.size;
  }

  #idleLocked(tracked: TrackedSession, now: number): boolean {
    const settings = this.settings();
    if (settings.terminals.idleLockExempt.includes(tracked.session.terminal.terminalClass)) return false;
    return now - tracked.lastActivity >= settings.sessions.idleLockMs;
  }
}
