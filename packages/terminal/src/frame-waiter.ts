/**
 * Waits for the next frame of the handshake (LoginBanner, SecondFactorChallenge,
 * LoginResult, or a Reject), with a deadline. Frames the handshake is not waiting for go on
 * to the client's normal dispatch (stored administrative messages arrive right after login).
 */
import { CletsError, type DecodedFrame, type FrameKind } from '@clets/protocol';

export type ReceivedFrame = DecodedFrame & { body: FrameKind };

interface Waiter {
  readonly accepts: (frame: ReceivedFrame) => boolean;
  readonly resolve: (frame: ReceivedFrame) => void;
  readonly reject: (error: CletsError) => void;
  readonly timer: NodeJS.Timeout;
}

export class FrameWaiter {
  readonly #waiters = new Set<Waiter>();

  /** The next frame `accepts` takes; CLETS_ERR_SYSTEM_TIMEOUT after `timeoutMs` naming `what`. */
  wait(accepts: (frame: ReceivedFrame) => boolean, timeoutMs: number, what: string): Promise<ReceivedFrame> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        accepts,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.delete(waiter);
          reject(new CletsError('CLETS_ERR_SYSTEM_TIMEOUT', `no ${what} from the switch within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      waiter.timer.unref();
      this.#waiters.add(waiter);
    });
  }

  /** Hands a frame to the first waiter that takes it; false when none did. */
  offer(frame: ReceivedFrame): boolean {
    for (const waiter of this.#waiters) {
      if (!waiter.accepts(frame)) continue;
      clearTimeout(waiter.timer);
      this.#waiters.delete(waiter);
      waiter.resolve(frame);
      return true;
    }
    return false;
  }

  /** Fails every wait (the connection closed). */
  failAll(error: CletsError): void {
    for (const waiter of this.#waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.#waiters.clear();
  }
}
