import { describe, expect, it } from 'vitest';
import { CletsError, ManualClock, type LinkReply } from '@clets/protocol';
import { PendingRequests, type OutgoingLinkRequest } from './pending-requests.js';

function setup(limits = { window: 2, maxQueue: 3 }) {
  const clock = new ManualClock();
  const events = { slotsFreed: 0, callbackErrors: [] as string[] };
  const pending = new PendingRequests(limits, clock, {
    onSlotFreed: () => { events.slotsFreed += 1; },
    onCallbackError: (_error, requestId) => { events.callbackErrors.push(requestId); },
  });
  const request = (requestId: string, ttlMs = 10_000): OutgoingLinkRequest => ({
    requestId, system: 'NCIC', transaction: { header: { messageKey: 'QW' } }, deadlineMs: clock.now() + ttlMs,
  });
  return { clock, events, pending, request };
}

/** Settles a promise into a value the test can inspect without unhandled rejections. */
function outcome(promise: Promise<LinkReply>): { value?: LinkReply; error?: CletsError; settled: boolean } {
  const box: { value?: LinkReply; error?: CletsError; settled: boolean } = { settled: false };
  promise.then(
    (value) => Object.assign(box, { value, settled: true }),
    (error: CletsError) => Object.assign(box, { error, settled: true }),
  );
  return box;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('PendingRequests', () => {
  it('hands out requests in FIFO order, never more than the window', () => {
    const { pending, request } = setup();
    for (const id of ['a', 'b', 'c']) outcome(pending.admit(request(id)));
    expect(pending.nextToSend()?.requestId).toBe('a');
    expect(pending.nextToSend()?.requestId).toBe('b');
    expect(pending.nextToSend()).toBeUndefined();
    expect({ inFlight: pending.inFlight, queued: pending.queued }).toEqual({ inFlight: 2, queued: 1 });
    pending.deliver({ requestId: 'a', final: true });
    expect(pending.nextToSend()?.requestId).toBe('c');
  });

  it('counts only requests that must wait against maxQueue', async () => {
    const { pending, request } = setup({ window: 2, maxQueue: 1 });
    // Two fit the window, one may wait, the fourth is refused.
    const results = ['a', 'b', 'c', 'd'].map((id) => outcome(pending.admit(request(id))));
    await flush();
    expect(results.map((r) => r.error?.code)).toEqual([undefined, undefined, undefined, 'CLETS_ERR_QUEUE_FULL']);
    expect(results[3]?.error?.system).toBe('NCIC');
  });

  it('resolves on the final reply and passes partial replies to onPartial', async () => {
    const { pending, request, events } = setup();
    const partials: LinkReply[] = [];
    const result = outcome(pending.admit(request('a'), (reply) => partials.push(reply)));
    pending.nextToSend();
    expect(pending.deliver({ requestId: 'a', final: false, queued: { system: 'NLETS' } })).toBe('partial');
    await flush();
    expect(result.settled).toBe(false);
    expect(pending.deliver({ requestId: 'a', final: true, responses: [{ system: 'NLETS' }] })).toBe('final');
    await flush();
    expect(partials).toHaveLength(1);
    expect(result.value?.responses?.[0]?.system).toBe('NLETS');
    expect(events.slotsFreed).toBe(1);
    expect(pending.inFlight).toBe(0);
  });

  it('keeps a request pending when its onPartial callback throws', async () => {
    const { pending, request, events } = setup();
    const result = outcome(pending.admit(request('a'), () => { throw new Error('listener bug'); }));
    pending.nextToSend();
    pending.deliver({ requestId: 'a', final: false });
    expect(events.callbackErrors).toEqual(['a']);
    pending.deliver({ requestId: 'a', final: true });
    await flush();
    expect(result.value?.requestId).toBe('a');
  });

  it('never attaches a reply to another request: unknown, queued and late replies are counted', async () => {
    const { pending, request, clock } = setup({ window: 1, maxQueue: 5 });
    const a = outcome(pending.admit(request('a', 1000)));
    const b = outcome(pending.admit(request('b', 5000)));
    pending.nextToSend();
    expect(pending.deliver({ requestId: 'zzz', final: true })).toBe('unmatched');
    expect(pending.deliver({ requestId: 'b', final: true })).toBe('unmatched'); // not on the wire yet
    clock.advance(1000);
    await flush();
    expect(a.error?.code).toBe('CLETS_ERR_SYSTEM_TIMEOUT');
    expect(a.error?.system).toBe('NCIC');
    expect(pending.deliver({ requestId: 'a', final: true })).toBe('unmatched'); // late
    expect(pending.unmatchedReplies).toBe(3);
    expect(pending.timeouts).toBe(1);
    expect(b.settled).toBe(false);
  });

  it('times out a waiting request and skips it when the window opens', async () => {
    const { pending, request, clock } = setup({ window: 1, maxQueue: 5 });
    outcome(pending.admit(request('a', 10_000)));
    const b = outcome(pending.admit(request('b', 100)));
    outcome(pending.admit(request('c', 10_000)));
    pending.nextToSend();
    clock.advance(100);
    await flush();
    expect(b.error?.code).toBe('CLETS_ERR_SYSTEM_TIMEOUT');
    expect(pending.queued).toBe(1);
    pending.deliver({ requestId: 'a', final: true });
    expect(pending.nextToSend()?.requestId).toBe('c');
  });

  it('refuses a deadline already passed and an id already pending', async () => {
    const { pending, request, clock } = setup();
    const late = outcome(pending.admit({ ...request('a'), deadlineMs: clock.now() }));
    outcome(pending.admit(request('b')));
    const dup = outcome(pending.admit(request('b')));
    await flush();
    expect(late.error?.code).toBe('CLETS_ERR_SYSTEM_TIMEOUT');
    expect(dup.error?.code).toBe('CLETS_ERR_REQUEST_INVALID');
    expect(pending.queued).toBe(1);
  });

  it('fails everything, on the wire first, and clears its timers', async () => {
    const { pending, request, clock } = setup({ window: 1, maxQueue: 5 });
    const order: string[] = [];
    for (const id of ['a', 'b', 'c']) {
      pending.admit(request(id)).catch((error: CletsError) => order.push(`${id}:${error.code}`));
    }
    pending.nextToSend();
    expect(pending.failAll((system) => new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', undefined, { system }))).toBe(3);
    await flush();
    expect(order).toEqual(['a:CLETS_ERR_SYSTEM_UNAVAILABLE', 'b:CLETS_ERR_SYSTEM_UNAVAILABLE', 'c:CLETS_ERR_SYSTEM_UNAVAILABLE']);
    expect({ inFlight: pending.inFlight, queued: pending.queued }).toEqual({ inFlight: 0, queued: 0 });
    expect(clock.pendingDelays()).toEqual([]);
    expect(pending.nextToSend()).toBeUndefined();
  });

  it('stays FIFO across many requests (queue compaction)', () => {
    const { pending, request } = setup({ window: 1, maxQueue: 10_000 });
    for (let i = 0; i < 5000; i += 1) outcome(pending.admit(request(`r${i}`)));
    for (let i = 0; i < 5000; i += 1) {
      expect(pending.nextToSend()?.requestId).toBe(`r${i}`);
      pending.deliver({ requestId: `r${i}`, final: true });
    }
    expect(pending.queued).toBe(0);
  });
});
