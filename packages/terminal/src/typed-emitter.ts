/**
 * A typed face over Node's EventEmitter: event names and listener arguments are checked by
 * the compiler. Two differences from EventEmitter, both so that a listener can never break
 * the client's own state:
 *  - 'error' with no listener is dropped, not thrown (a background reconnect that gives up
 *    must not crash a process that chose not to listen);
 *  - a listener that throws does not unwind into the frame handler that emitted: the error
 *    is rethrown on the next tick, where it surfaces as an uncaught exception.
 */
import { EventEmitter } from 'node:events';

export type EventMap<E> = { [K in keyof E]: unknown[] };

export class TypedEmitter<E extends EventMap<E>> {
  readonly #emitter = new EventEmitter();

  on<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): this {
    this.#emitter.on(event, listener as (...args: unknown[]) => void);
    return this;
  }

  once<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): this {
    this.#emitter.once(event, listener as (...args: unknown[]) => void);
    return this;
  }

  off<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): this {
    this.#emitter.off(event, listener as (...args: unknown[]) => void);
    return this;
  }

  listenerCount<K extends keyof E & string>(event: K): number {
    return this.#emitter.listenerCount(event);
  }

  /**
   * The next emission of `event` (its arguments), or a rejection after `timeoutMs`. For
   * scripts and tests: `const [message] = await client.next('adminMessage')`.
   */
  next<K extends keyof E & string>(event: K, timeoutMs = 10_000): Promise<E[K]> {
    return new Promise((resolve, reject) => {
      const listener = (...args: E[K]): void => {
        clearTimeout(timer);
        resolve(args);
      };
      const timer = setTimeout(() => {
        this.off(event, listener);
        reject(new Error(`no '${event}' event within ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      this.once(event, listener);
    });
  }

  protected emit<K extends keyof E & string>(event: K, ...args: E[K]): boolean {
    if (event === 'error' && this.#emitter.listenerCount('error') === 0) return false;
    try {
      return this.#emitter.emit(event, ...args);
    } catch (error) {
      rethrowLater(error);
      return true;
    }
  }
}

/** Surfaces a caller's exception (from a listener or callback) outside the client's code. */
export function rethrowLater(error: unknown): void {
  process.nextTick(() => {
    throw error;
  });
}
