/**
 * Administrator accounts of the administration API: operators of the registry whose role
 * administers (ADMINISTRATOR, ACC by default) and, for bootstrapping, accounts from the
 * switch's configuration. Both log in with a password and a TOTP code (CJIS multi-factor;
 * privileged accounts are no exception) under the same lockout and replay rules as
 * terminal operators, and get a bearer token.
 *
 * Tokens are random 256-bit values kept only as SHA-256 digests. A token lapses after the
 * CJIS idle time (30 minutes) and at the re-authentication limit (12 hours); a new login of
 * the same administrator ends their previous token (one session per user).
 */
import { createHash, randomBytes } from 'node:crypto';
import { CletsError } from '@clets/protocol';
import { ADMIN_LOGIN_FAILED, type CjisSecurityPolicy } from '../../security/cjis-policy.js';
import { isLocked, recordFailure, settle, UNLOCKED, type LockoutState } from '../../security/lockout.js';
import type { PasswordHasher } from '../../security/password.js';
import { loginFailed, type OperatorRole } from '../../security/policy.js';
import { checkTotp } from '../../security/second-factor.js';

/** An administrator defined in the switch's configuration (bootstrap: no operator administers yet). */
export interface ConfigAdministrator {
  readonly id: string;
  /** scrypt hash in the PasswordHasher format; never a plain password. */
  readonly passwordHash: string;
  /** TOTP secret, base32. */
  readonly totpSecret: string;
}

/** Who is calling the administration API. */
export interface AdminPrincipal {
  readonly id: string;
  readonly role: OperatorRole;
  /** The agency the administrator may act for; null: every agency of this switch. */
  readonly ori: string | null;
  readonly source: 'operator' | 'config';
}

interface AdminSession {
  readonly principal: AdminPrincipal;
  readonly createdAt: number;
  lastUsed: number;
}

export interface AdminLogin {
  readonly token: string;
  readonly principal: AdminPrincipal;
  readonly expiresAt: number;
}

const digest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export class AdminSessions {
  readonly #sessions = new Map<string, AdminSession>();
  readonly #config: ReadonlyMap<string, ConfigAdministrator>;
  readonly #configLockouts = new Map<string, LockoutState>();
  readonly #configTotpSteps = new Map<string, number>();

  constructor(
    private readonly policy: CjisSecurityPolicy,
    private readonly hasher: PasswordHasher,
    configAdministrators: readonly ConfigAdministrator[] = [],
  ) {
    this.#config = new Map(configAdministrators.map((admin) => [admin.id, admin]));
  }

  async login(id: string, password: string, code: string, now: number): Promise<AdminLogin> {
    const principal = this.#config.has(id) ? await this.#configLogin(id, password, code, now) : await this.#operatorLogin(id, password, code, now);
    for (const [key, session] of this.#sessions) if (session.principal.id === principal.id) this.#sessions.delete(key);
    const token = randomBytes(32).toString('base64url');
    this.#sessions.set(digest(token), { principal, createdAt: now, lastUsed: now });
    return { token, principal, expiresAt: now + this.policy.settings.sessions.reauthenticateAfterMs };
  }

  /** The administrator a bearer token belongs to. Throws CLETS_ERR_ADMIN_TOKEN_INVALID. */
  authenticate(token: string | undefined, now: number): AdminPrincipal {
    const key = token === undefined ? undefined : digest(token);
    const session = key === undefined ? undefined : this.#sessions.get(key);
    if (key === undefined || session === undefined) throw new CletsError('CLETS_ERR_ADMIN_TOKEN_INVALID', 'log in with POST /v1/admin/sessions');
    const { idleLockMs, reauthenticateAfterMs } = this.policy.settings.sessions;
    if (now - session.lastUsed >= idleLockMs || now - session.createdAt >= reauthenticateAfterMs) {
      this.#sessions.delete(key);
      throw new CletsError('CLETS_ERR_ADMIN_TOKEN_INVALID', 'the administrator session expired: log in again');
    }
    session.lastUsed = now;
    return session.principal;
  }

  /**
   * Whether a token's session is still open, without using it: a stream the token opened
   * (the console's live view) ends when the session does, but does not keep it from idling.
   */
  isActive(token: string | undefined, now: number): boolean {
    const session = token === undefined ? undefined : this.#sessions.get(digest(token));
    if (session === undefined) return false;
    const { idleLockMs, reauthenticateAfterMs } = this.policy.settings.sessions;
    return now - session.lastUsed < idleLockMs && now - session.createdAt < reauthenticateAfterMs;
  }

  logout(token: string | undefined): void {
    if (token !== undefined) this.#sessions.delete(digest(token));
  }

  async #operatorLogin(id: string, password: string, code: string, now: number): Promise<AdminPrincipal> {
    const record = await this.policy.authenticateAdministrator(id, password, code, now);
    return { id: record.id, role: record.role, ori: record.role === 'ADMINISTRATOR' ? null : record.ori, source: 'operator' };
  }

  async #configLogin(id: string, password: string, code: string, now: number): Promise<AdminPrincipal> {
    const admin = this.#config.get(id)!;
    const settings = this.policy.settings.lockout;
    const matches = await this.hasher.verify(password, admin.passwordHash);
    const state = settle(this.#configLockouts.get(id) ?? UNLOCKED, now, settings);
    if (isLocked(state, now, settings)) throw new CletsError('CLETS_ERR_ACCOUNT_LOCKED', 'restart the switch or wait, as the lockout setting says');
    // The code is checked whatever the password, and either failure gets the same answer.
    const outcome = checkTotp(admin.totpSecret, code, now, this.#configTotpSteps.get(id) ?? null, this.policy.settings.secondFactor.windowSteps);
    if (!matches || !outcome.ok) {
      const next = recordFailure(state, now, settings);
      this.#configLockouts.set(id, next);
      if (next.lockedAt !== null) throw new CletsError('CLETS_ERR_ACCOUNT_LOCKED');
      throw loginFailed(new CletsError(!matches ? 'CLETS_ERR_LOGIN_FAILED' : outcome.ok ? 'CLETS_ERR_LOGIN_FAILED' : outcome.code), ADMIN_LOGIN_FAILED);
    }
    this.#configLockouts.delete(id);
    this.#configTotpSteps.set(id, outcome.step);
    return { id, role: 'ADMINISTRATOR', ori: null, source: 'config' };
  }
}
