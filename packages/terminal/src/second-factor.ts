/**
 * Answers the switch's SecondFactorChallenge (CJIS AAL2: a replay-resistant second factor).
 * The switch accepts each one-time code once, so this remembers the TOTP step of the last
 * code it sent: a re-login inside the same 30-second step (a quick reconnect) waits for the
 * next step instead of sending a code the switch would refuse as replayed.
 */
import { CletsError, totpCode, totpStep, TOTP_STEP_SECONDS } from '@clets/protocol';

/** Asks for a one-time code (an operator at a prompt, a hardware token...). */
export type SecondFactorProvider = (challenge: { method: string }) => Promise<string>;

export interface SecondFactorMeans {
  readonly totpSecret?: string | undefined;
  readonly provider?: SecondFactorProvider | undefined;
}

export class SecondFactorAnswerer {
  #lastStep = Number.NEGATIVE_INFINITY;

  constructor(private readonly clock: () => number) {}

  /** The code to answer a challenge with. Throws CLETS_ERR_SECOND_FACTOR_REQUIRED with no means. */
  async answer(method: string, means: SecondFactorMeans): Promise<string> {
    if (means.provider !== undefined) return means.provider({ method });
    if (means.totpSecret === undefined) {
      throw new CletsError('CLETS_ERR_SECOND_FACTOR_REQUIRED', 'the switch asked for a second factor; give totpSecret or secondFactor');
    }
    if (method !== 'TOTP') {
      throw new CletsError('CLETS_ERR_SECOND_FACTOR_REQUIRED', `second-factor method '${method}' is not TOTP; give a secondFactor callback`);
    }
    const now = this.clock();
    let code: string;
    try {
      code = totpCode(means.totpSecret, now);
    } catch {
      // base32Decode names the offending character; a secret's characters stay out of errors.
      throw new CletsError('CLETS_ERR_SECOND_FACTOR_INVALID', 'the TOTP secret is not valid base32');
    }
    this.#lastStep = totpStep(now);
    return code;
  }

  /** Milliseconds until a code not yet sent exists (0 when the current step is unused). */
  msUntilFreshCode(): number {
    const now = this.clock();
    if (totpStep(now) > this.#lastStep) return 0;
    return (this.#lastStep + 1) * TOTP_STEP_SECONDS * 1000 - now;
  }
}
