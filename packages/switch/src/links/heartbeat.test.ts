import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { HeartbeatMonitor } from './heartbeat.js';

function setup() {
  const clock = new ManualClock(0);
  const beats: Array<[number, number]> = [];
  const silences: number[] = [];
  const monitor = new HeartbeatMonitor(clock, 5000, 15_000, {
    beat: (nonce, now) => beats.push([nonce, now]),
    silent: (silentForMs) => silences.push(silentForMs),
  });
  return { clock, beats, silences, monitor };
}

describe('HeartbeatMonitor', () => {
  it('beats every interval and calls a peer silent once, at the timeout', () => {
    const { clock, beats, silences, monitor } = setup();
    monitor.start();
    clock.advance(14_999);
    expect(beats).toEqual([[1, 5000], [2, 10_000]]);
    expect(silences).toEqual([]);
    clock.advance(1);
    expect(silences).toEqual([15_000]);
    clock.advance(60_000);
    expect(silences).toHaveLength(1);
    expect(clock.pendingDelays()).toEqual([]);
  });

  it('never calls a peer that is heard silent', () => {
    const { clock, beats, silences, monitor } = setup();
    monitor.start();
    for (let i = 0; i < 12; i += 1) {
      clock.advance(5000);
      monitor.heard();
    }
    expect(silences).toEqual([]);
    expect(beats.map(([nonce]) => nonce)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('stops cleanly', () => {
    const { clock, beats, monitor } = setup();
    monitor.start();
    monitor.stop();
    clock.advance(60_000);
    expect(beats).toEqual([]);
    expect(clock.pendingDelays()).toEqual([]);
  });
});
