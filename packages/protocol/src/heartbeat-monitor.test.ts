import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { HeartbeatMonitor } from './heartbeat-monitor.js';

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

describe('HeartbeatMonitor at a terminal (a timeout of two intervals)', () => {
  function terminal() {
    const clock = new ManualClock(0);
    const sent: number[] = [];
    let dead = 0;
    const monitor = new HeartbeatMonitor(clock, 100, 200, { beat: (nonce) => sent.push(nonce), silent: () => { dead += 1; } });
    return { clock, sent, monitor, dead: () => dead };
  }

  it('sends a heartbeat each interval while the switch is heard', () => {
    const { clock, sent, monitor, dead } = terminal();
    monitor.start();
    for (let tick = 0; tick < 5; tick += 1) {
      clock.advance(100);
      monitor.heard();
    }
    expect(sent).toEqual([1, 2, 3, 4, 5]);
    expect(dead()).toBe(0);
    monitor.stop();
  });

  it('declares the switch dead after an unanswered heartbeat and a silent interval, once', () => {
    const { clock, monitor, dead } = terminal();
    monitor.start();
    clock.advance(100);
    expect(dead()).toBe(0);
    clock.advance(100);
    expect(dead()).toBe(1);
    clock.advance(1000);
    expect(dead()).toBe(1);
  });

  it('starts over on a new connection: start() again replaces the running timer', () => {
    const { clock, sent, monitor } = terminal();
    monitor.start();
    clock.advance(50);
    monitor.start();
    clock.advance(100);
    expect(sent).toEqual([1]);
    expect(clock.pendingDelays()).toHaveLength(1);
  });
});
