/**
 * The behaviour knobs of each hosted system (latency, error rate, outage), as set in config
 * and changed at run time through the control endpoint. Listeners hear every change: the
 * link server closes links on `drop`, the dispatcher answers queued requests when a
 * `queued` outage is cleared.
 */
import type { SystemName } from '@clets/protocol';
import { DEFAULT_BEHAVIOUR, type BehaviourPatch, type SystemBehaviour } from './config.js';
import { createRandom, sampleLatencyMs, type Random } from './sampling.js';

export interface BehaviourChange {
  readonly system: SystemName;
  readonly previous: SystemBehaviour;
  readonly current: SystemBehaviour;
}

export type BehaviourListener = (change: BehaviourChange) => void;

export class BehaviourController {
  readonly systems: readonly SystemName[];
  private readonly initial: ReadonlyMap<SystemName, SystemBehaviour>;
  private readonly current = new Map<SystemName, SystemBehaviour>();
  private readonly randoms = new Map<SystemName, Random>();
  private readonly listeners = new Set<BehaviourListener>();

  /**
   * @param initial the configured knobs; systems not listed start healthy.
   * @param seed    each system draws from its own generator, so one system's traffic does
   *                not change another's samples.
   */
  constructor(systems: readonly SystemName[], initial: Partial<Record<SystemName, SystemBehaviour>>, seed: number) {
    this.systems = [...systems];
    const start = new Map<SystemName, SystemBehaviour>();
    systems.forEach((system, index) => {
      const behaviour = Object.freeze({ ...(initial[system] ?? DEFAULT_BEHAVIOUR) });
      start.set(system, behaviour);
      this.current.set(system, behaviour);
      this.randoms.set(system, createRandom(seed + index * 0x9e37));
    });
    this.initial = start;
  }

  has(system: string): system is SystemName {
    return this.current.has(system as SystemName);
  }

  get(system: SystemName): SystemBehaviour {
    return this.current.get(system) ?? DEFAULT_BEHAVIOUR;
  }

  /** Every hosted system's knobs. */
  snapshot(): Record<string, SystemBehaviour> {
    return Object.fromEntries(this.current);
  }

  /** Changes some knobs of one system; members left out of the patch stay as they are. */
  update(system: SystemName, patch: BehaviourPatch): SystemBehaviour {
    const previous = this.get(system);
    const next: SystemBehaviour = Object.freeze({
      latency: patch.latency ?? previous.latency,
      errorRate: patch.errorRate ?? previous.errorRate,
      outage: patch.outage ?? previous.outage,
    });
    this.apply(system, previous, next);
    return next;
  }

  /** Every system back to its configured knobs (the state at start, not "all healthy"). */
  reset(): void {
    for (const [system, behaviour] of this.initial) this.apply(system, this.get(system), behaviour);
  }

  onChange(listener: BehaviourListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The delay before this system's next answer. */
  sampleLatencyMs(system: SystemName): number {
    return sampleLatencyMs(this.get(system).latency, this.random(system));
  }

  /** Whether this system's next answer is replaced by an injected CLETS_ERR_SYSTEM_ERROR. */
  rollError(system: SystemName): boolean {
    const rate = this.get(system).errorRate;
    if (rate <= 0) return false;
    if (rate >= 1) return true;
    return this.random(system)() < rate;
  }

  private random(system: SystemName): Random {
    let random = this.randoms.get(system);
    if (!random) {
      random = createRandom(0);
      this.randoms.set(system, random);
    }
    return random;
  }

  private apply(system: SystemName, previous: SystemBehaviour, current: SystemBehaviour): void {
    this.current.set(system, current);
    for (const listener of this.listeners) listener({ system, previous, current });
  }
}
