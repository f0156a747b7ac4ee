/**
 * Getting an operator in: connect, show the login banner and have it acknowledged (CJIS
 * system use notification: shown until acknowledged, use means consent), then the operator
 * id, the password (hidden) and the second factor (CJIS AAL2: a TOTP code typed by the
 * operator, or computed from a secret for the demo). A password typed at the prompt may be
 * retyped twice; one from the environment or a file is tried once (the switch locks the
 * account after 5 failures in a row).
 */
import { CletsError, toCletsError, TOTP_STEP_SECONDS, type ErrorCode, type LoginBanner, type LoginResult } from '@clets/protocol';
import type { LoginCredentials } from '../index.js';
import type { Ask } from './ask.js';
import { renderBanner } from './render.js';

/** What logging in needs from a TerminalClient. */
export interface LoginTarget {
  readonly state: string;
  connect(): Promise<LoginBanner>;
  login(credentials: LoginCredentials): Promise<LoginResult>;
}

export interface LoginPlan {
  readonly operator: string | undefined;
  readonly password: string | undefined;
  readonly totpSecret: string | undefined;
  /** Acknowledged beforehand (--accept-banner): the banner is shown, not asked about. */
  readonly acceptBanner: boolean;
}

export interface LoginIo {
  readonly say: (text: string) => void;
  /** Undefined when nobody is at a keyboard: everything must be in the plan. */
  readonly ask: Ask | undefined;
  readonly clock?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Refusals worth another try with a newly typed password or code. */
const RETYPE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'CLETS_ERR_LOGIN_FAILED', 'CLETS_ERR_SECOND_FACTOR_INVALID', 'CLETS_ERR_SECOND_FACTOR_REPLAYED',
]);
const TYPED_ATTEMPTS = 3;

/**
 * Connects and logs in. Rejects with the switch's refusal, CLETS_ERR_BANNER_NOT_ACKNOWLEDGED
 * when the operator declines the banner, InputCancelled/InputClosed when the operator leaves.
 */
export async function logIn(target: LoginTarget, plan: LoginPlan, io: LoginIo): Promise<LoginResult> {
  const banner = await target.connect();
  io.say(renderBanner(banner));
  if (plan.acceptBanner) {
    io.say('BANNER ACKNOWLEDGED (--accept-banner)');
  } else {
    const answer = io.ask === undefined ? '' : await io.ask('Do you acknowledge this notice and wish to continue? (yes/no)');
    if (!/^y(es)?$/i.test(answer.trim())) {
      throw new CletsError('CLETS_ERR_BANNER_NOT_ACKNOWLEDGED', 'the login banner was not acknowledged');
    }
  }

  const operatorId = plan.operator ?? (await askRequired(io, 'Operator ID')).toUpperCase();
  const typedPassword = plan.password === undefined;
  const secondFactor: Pick<LoginCredentials, 'totpSecret' | 'secondFactor'> = plan.totpSecret !== undefined
    ? { totpSecret: plan.totpSecret }
    : io.ask === undefined
      ? {}
      : { secondFactor: async () => (await askRequired(io, 'One-time code (TOTP)')).replace(/\s+/g, '') };
  let waitedForFreshCode = false;

  for (let attempt = 1; ; attempt++) {
    const password = plan.password ?? await askRequired(io, 'Password', true);
    try {
      return await target.login({ operatorId, password, ...secondFactor });
    } catch (error) {
      const failure = toCletsError(error);
      if (target.state !== 'banner') throw failure; // the switch hung up: nothing more to try here
      // A computed code can collide with one used in the same 30 s step (a script run twice in
      // quick succession): each code is accepted once, so wait for the next one, once.
      if (failure.code === 'CLETS_ERR_SECOND_FACTOR_REPLAYED' && plan.totpSecret !== undefined && !waitedForFreshCode) {
        waitedForFreshCode = true;
        const now = (io.clock ?? Date.now)();
        const stepMs = TOTP_STEP_SECONDS * 1000;
        const waitMs = stepMs - (now % stepMs) + 250;
        io.say(`ONE-TIME CODE ALREADY USED: WAITING ${Math.ceil(waitMs / 1000)} S FOR THE NEXT ONE`);
        await (io.sleep ?? sleep)(waitMs);
        attempt -= 1;
        continue;
      }
      const canRetype = io.ask !== undefined && RETYPE.has(failure.code)
        && (typedPassword || (failure.code !== 'CLETS_ERR_LOGIN_FAILED' && plan.totpSecret === undefined));
      if (!canRetype || attempt >= TYPED_ATTEMPTS) throw failure;
      io.say(`LOGIN REFUSED: ${failure.message}`);
    }
  }
}

async function askRequired(io: LoginIo, question: string, hidden = false): Promise<string> {
  if (io.ask === undefined) {
    throw new CletsError('CLETS_ERR_REQUEST_INVALID', `${question.toLowerCase()} needed and there is no terminal to ask on`);
  }
  for (;;) {
    const answer = await io.ask(question, { hidden });
    if (answer.trim() !== '') return hidden ? answer : answer.trim();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
