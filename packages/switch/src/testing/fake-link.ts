/**
 * An in-process stand-in for a LinkClient: the test decides whether it is up and how each
 * request is answered. Deadlines behave as the real link's: a request unanswered by its
 * deadline rejects with CLETS_ERR_SYSTEM_TIMEOUT.
 */
import { EventEmitter } from 'node:events';
import { CletsError, type LinkReply, type Transaction } from '@clets/protocol';
import type { LinkStateName, SystemLink } from '../links/types.js';

export type FakeAnswer = LinkReply | 'hang' | Promise<LinkReply>;

export interface FakeRequest {
  readonly requestId: string;
  readonly system: string;
  readonly transaction: Transaction;
  readonly deadlineMs: number;
}

export class FakeLink extends EventEmitter implements SystemLink {
  state: LinkStateName;
  systems: string[];
  readonly requests: FakeRequest[] = [];

  constructor(
    readonly name: string,
    public answer: (request: FakeRequest) => FakeAnswer,
    options: { up?: boolean; now?: () => number } = {},
  ) {
    super();
    this.state = options.up === false ? 'down' : 'up';
    this.systems = [name];
    this.now = options.now ?? Date.now;
  }

  private readonly now: () => number;

  start(): void {}

  async request(request: FakeRequest, onPartial?: (reply: LinkReply) => void): Promise<LinkReply> {
    if (this.state !== 'up') throw new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', this.name, { system: request.system });
    this.requests.push(request);
    const answer = this.answer(request);
    const wait = Math.max(0, request.deadlineMs - this.now());
    const timeout = new Promise<never>((_, reject) => {
      setTimeout(() => reject(new CletsError('CLETS_ERR_SYSTEM_TIMEOUT', request.system, { system: request.system })), wait).unref();
    });
    if (answer === 'hang') return timeout;
    const reply = await Promise.race([Promise.resolve(answer), timeout]);
    if (reply.final === false) {
      onPartial?.(reply);
      return timeout;
    }
    return reply;
  }

  setUp(up: boolean): void {
    if (up === (this.state === 'up')) return;
    this.state = up ? 'up' : 'down';
    if (up) this.emit('up', this.systems);
    else this.emit('down', 'set down by test');
  }

  async close(): Promise<void> {
    this.state = 'closed';
  }
}
