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

  it('keeps each confirmation with what is being sent for it, and takes them up again after a restart', async () => {
    const kept = new Map<string, { requestNumber: number; dueAt: number; sending: string }>();
    const keeper = {
      save: (confirmation: OpenConfirmation, sending: 'none' | 'follow-up' | 'escalation') => {
        kept.set(confirmation.id, { requestNumber: confirmation.requestNumber, dueAt: confirmation.dueAt, sending });
      },
      remove: (id: string) => { kept.delete(id); },
    };
    const clock = new ManualClock(0);
    const events: string[] = [];
    let release: () => void = () => {};
    const first = new HitConfirmationTracker(clock, { urgentMs: 10 * MINUTE, routineMs: 60 * MINUTE }, {
      // The follow-up is held (its link is down) when the switch stops.
      followUp: () => new Promise<void>((resolve) => { release = resolve; }),
      escalate: () => {},
    }, keeper);
    first.open(request());
    expect(kept.get('county-19:LA01:1')).toEqual({ requestNumber: 1, dueAt: 10 * MINUTE, sending: 'none' });
    clock.advance(10 * MINUTE);
    expect(kept.get('county-19:LA01:1')).toEqual({ requestNumber: 2, dueAt: 20 * MINUTE, sending: 'follow-up' });
    first.close();

    // The next start: RNO 2 may not have gone out, so it goes again; its deadline stays at minute 20.
    const second = new HitConfirmationTracker(clock, { urgentMs: 10 * MINUTE, routineMs: 60 * MINUTE }, {
      followUp: (confirmation) => { events.push(`RNO ${confirmation.requestNumber} at ${clock.now() / MINUTE}`); },
      escalate: (confirmation) => { events.push(`escalate ${confirmation.id} at ${clock.now() / MINUTE}`); },
    }, keeper);
    second.restore([...kept].map(([id, state]) => ({ ...request({ id, requestNumber: state.requestNumber }), dueAt: state.dueAt, sending: state.sending as 'follow-up' })));
    await Promise.resolve();
    expect(events).toEqual(['RNO 2 at 10']);
    expect(kept.get('county-19:LA01:1')?.sending).toBe('none');
    clock.advance(20 * MINUTE);
    await Promise.resolve();
    expect(events).toEqual(['RNO 2 at 10', 'RNO 3 at 20', 'escalate county-19:LA01:1 at 30']);
    await Promise.resolve();
    expect(kept.size).toBe(0);
    release();
  });
});
