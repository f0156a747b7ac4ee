import { describe, expect, it } from 'vitest';
import { HitConfirmationTracker, type OpenConfirmation, type OpenRequest } from './hit-confirmations.js';
import { ManualClock } from '@clets/protocol';

const MINUTE = 60_000;

function tracker() {
  const clock = new ManualClock(0);
  const events: string[] = [];
  const tracked = new HitConfirmationTracker(clock, { urgentMs: 10 * MINUTE, routineMs: 60 * MINUTE }, {
    followUp: (confirmation: OpenConfirmation) => { events.push(`RNO ${confirmation.requestNumber} at ${clock.now() / MINUTE}`); },
    escalate: (confirmation: OpenConfirmation) => { events.push(`escalate ${confirmation.id} at ${clock.now() / MINUTE}`); },
  });
  return { clock, events, tracked };
}

const request = (overrides: Partial<OpenRequest> = {}): OpenRequest => ({
  id: 'county-19:LA01:1', recordId: 'W297823148', priority: 'U', requestNumber: 1,
  requestingOri: 'CA0190000', requestingTerminal: 'LA01', enteringOri: 'CA0370000', context: undefined, ...overrides,
});

describe('HitConfirmationTracker', () => {
  it('sends RNO 2 and 3 as each 10-minute deadline passes, then escalates after the third', () => {
    const { clock, events, tracked } = tracker();
    tracked.open(request());
    clock.advance(10 * MINUTE - 1);
    expect(events).toEqual([]);
    clock.advance(30 * MINUTE);
    expect(events).toEqual(['RNO 2 at 10', 'RNO 3 at 20', 'escalate county-19:LA01:1 at 30']);
    expect(tracked.size).toBe(0);
  });

  it('waits an hour per request for priority R', () => {
    const { clock, events, tracked } = tracker();
    tracked.open(request({ priority: 'R' }));
    clock.advance(59 * MINUTE);
    expect(events).toEqual([]);
    clock.advance(MINUTE);
    expect(events).toEqual(['RNO 2 at 60']);
  });

  it('closes on the answer from the entering agency, whatever it says', () => {
    const { clock, events, tracked } = tracker();
    tracked.open(request());
    expect(tracked.answer('CA0190000', 'W297823148', 'CA0370000')?.id).toBe('county-19:LA01:1');
    expect(tracked.answer('CA0190000', 'W297823148', 'CA0370000')).toBeUndefined();
    clock.advance(60 * MINUTE);
    expect(events).toEqual([]);
  });

  it('takes over an open confirmation when the operator sends the next request by hand', () => {
    const { clock, events, tracked } = tracker();
    tracked.open(request());
    clock.advance(5 * MINUTE);
    const again = tracked.open(request({ id: 'county-19:LA01:2', requestNumber: 2 }));
    expect(again).toMatchObject({ id: 'county-19:LA01:1', requestNumber: 2, dueAt: 15 * MINUTE });
    clock.advance(10 * MINUTE);
    expect(events).toEqual(['RNO 3 at 15']);
    expect(tracked.size).toBe(1);
  });

  it('stops every timer on close', () => {
    const { clock, events, tracked } = tracker();
    tracked.open(request());
    tracked.close();
    clock.advance(60 * MINUTE);
    expect(events).toEqual([]);
  });
});
