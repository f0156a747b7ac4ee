import { describe, expect, it } from 'vitest';
import { BehaviourController, type BehaviourChange } from './behaviour.js';

describe('BehaviourController', () => {
  const configured = { DMV: { latency: { kind: 'fixed', ms: 5 } as const, errorRate: 0, outage: 'none' as const } };

  it('starts from the config, healthy for systems it does not list', () => {
    const behaviour = new BehaviourController(['DMV', 'NCIC'], configured, 1);
    expect(behaviour.get('DMV').latency).toEqual({ kind: 'fixed', ms: 5 });
    expect(behaviour.get('NCIC')).toEqual({ latency: { kind: 'fixed', ms: 0 }, errorRate: 0, outage: 'none' });
    expect(behaviour.has('DMV')).toBe(true);
    expect(behaviour.has('CORI')).toBe(false);
  });

  it('applies a patch member by member and tells its listeners', () => {
    const behaviour = new BehaviourController(['DMV'], configured, 1);
    const changes: BehaviourChange[] = [];
    behaviour.onChange((change) => changes.push(change));
    behaviour.update('DMV', { outage: 'refuse' });
    expect(behaviour.get('DMV')).toEqual({ latency: { kind: 'fixed', ms: 5 }, errorRate: 0, outage: 'refuse' });
    expect(changes).toHaveLength(1);
    expect(changes[0]?.previous.outage).toBe('none');
    expect(changes[0]?.current.outage).toBe('refuse');
  });

  it('reset returns to the configured knobs', () => {
    const behaviour = new BehaviourController(['DMV'], configured, 1);
    behaviour.update('DMV', { errorRate: 1, outage: 'hang', latency: { kind: 'fixed', ms: 900 } });
    behaviour.reset();
    expect(behaviour.get('DMV')).toEqual(configured.DMV);
  });

  it('rolls errors at the configured rate, repeatably for a seed', () => {
    const roll = (seed: number): boolean[] => {
      const behaviour = new BehaviourController(['DMV'], { DMV: { ...configured.DMV, errorRate: 0.25 } }, seed);
      return Array.from({ length: 4000 }, () => behaviour.rollError('DMV'));
    };
    const first = roll(5);
    expect(roll(5)).toEqual(first);
    const rate = first.filter(Boolean).length / first.length;
    expect(rate).toBeGreaterThan(0.2);
    expect(rate).toBeLessThan(0.3);
    const never = new BehaviourController(['DMV'], {}, 1);
    expect(Array.from({ length: 100 }, () => never.rollError('DMV')).some(Boolean)).toBe(false);
    never.update('DMV', { errorRate: 1 });
    expect(Array.from({ length: 100 }, () => never.rollError('DMV')).every(Boolean)).toBe(true);
  });
});
