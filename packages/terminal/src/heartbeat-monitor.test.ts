import { afterEach, describe, expect, it, vi } from 'vitest';
import { HeartbeatMonitor } from './heartbeat-monitor.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('HeartbeatMonitor', () => {
  it('sends a heartbeat each interval while the switch is heard', () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    let dead = 0;
    const monitor = new HeartbeatMonitor(100, { send: (nonce) => sent.push(nonce), dead: () => { dead += 1; } });
    monitor.start();
    for (let tick = 0; tick < 5; tick += 1) {
      vi.advanceTimersByTime(100);
      monitor.heard();
    }
    expect(sent).toEqual([1, 2, 3, 4, 5]);
    expect(dead).toBe(0);
    monitor.stop();
  });

  it('declares the switch dead after an unanswered heartbeat and a silent interval', () => {
    vi.useFakeTimers();
    let dead = 0;
    const monitor = new HeartbeatMonitor(100, { send: () => undefined, dead: () => { dead += 1; } });
    monitor.start();
    vi.advanceTimersByTime(100);
    expect(dead).toBe(0);
    vi.advanceTimersByTime(100);
    expect(dead).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(dead).toBe(1);
  });
});
