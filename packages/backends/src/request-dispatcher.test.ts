import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { LinkReply, LinkRequest, SystemName } from '@clets/protocol';
import { BehaviourController } from './behaviour.js';
import type { SystemBehaviour } from './config.js';
import { IdempotencyStore } from './idempotency.js';
import { RequestDispatcher, type DispatcherMetrics, type ReplySink, type RequestOutcome, type Scheduler } from './request-dispatcher.js';
import { createFakeSystem, createFakeSystems } from './testing/fake-system.js';

/** A scheduler whose timers fire only when the test says so. */
class ManualScheduler implements Scheduler {
  readonly timers = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;
  set(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { callback, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  delays(): number[] {
    return [...this.timers.values()].map((timer) => timer.ms);
  }
  fireAll(): void {
    for (const [id, timer] of [...this.timers]) {
      this.timers.delete(id);
      timer.callback();
    }
  }
}

class Sink implements ReplySink {
  readonly replies: LinkReply[] = [];
  isOpen = true;
  constructor(
    readonly peerId = 'county-19',
    readonly served: ReadonlySet<SystemName> = new Set<SystemName>(['NCIC', 'NLETS', 'DMV', 'CORI']),
  ) {}
  sendReply(reply: LinkReply): void {
    this.replies.push(reply);
  }
}

/** Records every request's end as the dispatcher reports it. */
class RecordedMetrics implements DispatcherMetrics {
  readonly ends: Array<{ system: string | undefined; outcome: RequestOutcome; ms?: number }> = [];
  finished(system: string | undefined, outcome: RequestOutcome, ms?: number): void {
    this.ends.push(ms === undefined ? { system, outcome } : { system, outcome, ms });
  }
}

function setup(options: {
  behaviour?: Partial<Record<SystemName, SystemBehaviour>>; maxQueued?: number; now?: () => number; otherSink?: ReplySink; metrics?: DispatcherMetrics;
} = {}) {
  const systems = createFakeSystems(['NCIC', 'NLETS', 'DMV', 'CORI']);
  const scheduler = new ManualScheduler();
  const behaviour = new BehaviourController(['NCIC', 'NLETS', 'DMV', 'CORI'], options.behaviour ?? {}, 3);
  const dispatcher = new RequestDispatcher({
    systems,
    behaviour,
    idempotency: new IdempotencyStore(100),
    limits: { maxQueuedPerSystem: options.maxQueued ?? 100, queueTtlMs: 60_000 },
    logger: pino({ level: 'silent' }),
    now: options.now ?? (() => 1_700_000_000_000),
    scheduler,
    findPeerSink: () => options.otherSink,
    metrics: options.metrics,
  });
  return { systems, scheduler, behaviour, dispatcher, sink: new Sink() };
}

function request(requestId: string, messageKey = 'DQ', system = ''): LinkRequest {
  return {
    requestId,
    system,
    transaction: {
      header: { clientMessageId: `m-${requestId}`, control: 'CTL1', messageKey, ori: 'CA0194200' },
      text: `${messageKey}.CA0194200.OLN/A1234567`,
    },
  };
}

describe('RequestDispatcher', () => {
  it('answers with the named system and the request id', () => {
    const { dispatcher, sink, systems } = setup();
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    expect(sink.replies).toHaveLength(1);
    expect(sink.replies[0]).toMatchObject({ requestId: 'r1', final: true, responses: [{ system: 'DMV', responseKey: 'DQ' }] });
    expect(systems.get('DMV')?.calls[0]?.context.requestId).toBe('r1');
  });

  it('chooses the first system on the link that answers the key when none is named', () => {
    const { dispatcher, sink } = setup();
    dispatcher.dispatch(request('r1', 'QW'), sink);
    expect(sink.replies[0]?.responses?.[0]?.system).toBe('NCIC');
    const dmvOnly = new Sink('county-19', new Set<SystemName>(['DMV']));
    dispatcher.dispatch(request('r2', 'QW'), dmvOnly);
    expect(dmvOnly.replies[0]?.responses?.[0]?.system).toBe('DMV');
  });

  it('lets a plugged-in chooser pick among the candidates, never outside them', () => {
    const behaviour = new BehaviourController(['NCIC', 'DMV', 'NLETS'], {}, 1);
    const seen: string[][] = [];
    const dispatcher = new RequestDispatcher({
      systems: createFakeSystems(['NCIC', 'DMV', 'NLETS']),
      behaviour,
      idempotency: new IdempotencyStore(10),
      limits: { maxQueuedPerSystem: 10, queueTtlMs: 1000 },
      logger: pino({ level: 'silent' }),
      chooseSystem: (transaction, candidates) => {
        seen.push([...candidates]);
        const state = transaction.fields?.find((field) => field.tag === 'OLS')?.value;
        return state === 'CA' ? 'DMV' : state === 'NV' ? 'NLETS' : 'CORI';
      },
    });
    const sink = new Sink();
    const withState = (id: string, state: string): LinkRequest => {
      const base = request(id, 'DQ');
      return { ...base, transaction: { ...base.transaction, fields: [{ tag: 'OLS', value: state }] } };
    };
    dispatcher.dispatch(withState('r1', 'CA'), sink);
    dispatcher.dispatch(withState('r2', 'NV'), sink);
    dispatcher.dispatch(withState('r3', 'TX'), sink);
    expect(seen[0]).toEqual(['NCIC', 'NLETS', 'DMV']);
    expect(sink.replies.map((reply) => reply.responses?.[0]?.system ?? reply.reject?.code)).toEqual(['DMV', 'NLETS', 'CLETS_ERR_NO_ROUTE']);
  });

  it('rejects a system not on the link with CLETS_ERR_NO_ROUTE and an unknown key with CLETS_ERR_UNKNOWN_MESSAGE_KEY', () => {
    const { dispatcher } = setup();
    const dmvOnly = new Sink('county-19', new Set<SystemName>(['DMV']));
    dispatcher.dispatch(request('r1', 'QW', 'NCIC'), dmvOnly);
    dispatcher.dispatch(request('r2', 'QW', 'FBI'), dmvOnly);
    dispatcher.dispatch(request('r3', 'ZZ', 'DMV'), dmvOnly);
    dispatcher.dispatch(request('r4', 'ZZ'), dmvOnly);
    expect(dmvOnly.replies.map((reply) => reply.reject?.code)).toEqual([
      'CLETS_ERR_NO_ROUTE',
      'CLETS_ERR_NO_ROUTE',
      'CLETS_ERR_UNKNOWN_MESSAGE_KEY',
      'CLETS_ERR_NO_ROUTE',
    ]);
    expect(dmvOnly.replies.every((reply) => reply.final)).toBe(true);
    expect(dmvOnly.replies[2]?.reject).toMatchObject({ wireCode: 202, echo: 'ZZ.CA0194200.OLN/A1234567', header: { control: 'CTL1' } });
  });

  it('rejects a request without a transaction', () => {
    const { dispatcher, sink } = setup();
    dispatcher.dispatch({ requestId: 'r1' }, sink);
    expect(sink.replies[0]).toMatchObject({ requestId: 'r1', final: true, reject: { code: 'CLETS_ERR_REQUEST_INVALID' } });
  });

  it('answers a repeated request id from the store, applying it once', () => {
    const { dispatcher, sink, systems } = setup();
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    expect(systems.get('DMV')?.calls).toHaveLength(1);
    expect(sink.replies).toHaveLength(2);
    expect(sink.replies[1]).toEqual(sink.replies[0]);
    // Another peer's request with the same id is its own request.
    const other = new Sink('county-33');
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), other);
    expect(systems.get('DMV')?.calls).toHaveLength(2);
  });

  it('a repeat while the first copy waits on its latency is answered once, when it is ready', () => {
    const { dispatcher, sink, systems, scheduler } = setup({ behaviour: { DMV: { latency: { kind: 'fixed', ms: 30 }, errorRate: 0, outage: 'none' } } });
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    expect(sink.replies).toHaveLength(0);
    scheduler.fireAll();
    expect(sink.replies).toHaveLength(1);
    expect(systems.get('DMV')?.calls).toHaveLength(1);
  });

  it('waits the sampled latency before answering', () => {
    const { dispatcher, sink, scheduler } = setup({
      behaviour: { NCIC: { latency: { kind: 'uniform', minMs: 100, maxMs: 200 }, errorRate: 0, outage: 'none' } },
    });
    for (let index = 0; index < 20; index += 1) dispatcher.dispatch(request(`r${index}`, 'QW', 'NCIC'), sink);
    const delays = scheduler.delays();
    expect(delays).toHaveLength(20);
    expect(delays.every((ms) => ms >= 100 && ms <= 200)).toBe(true);
    expect(new Set(delays).size).toBeGreaterThan(1);
    expect(dispatcher.activity('NCIC').inFlight).toBe(20);
    expect(sink.replies).toHaveLength(0);
    scheduler.fireAll();
    expect(sink.replies).toHaveLength(20);
    expect(dispatcher.activity('NCIC').inFlight).toBe(0);
  });

  it('error rate 1 answers every request with CLETS_ERR_SYSTEM_ERROR and applies nothing', () => {
    const { dispatcher, sink, systems, behaviour } = setup();
    behaviour.update('DMV', { errorRate: 1 });
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    expect(sink.replies[0]?.reject).toMatchObject({ code: 'CLETS_ERR_SYSTEM_ERROR', system: 'DMV', wireCode: 510 });
    expect(systems.get('DMV')?.calls).toHaveLength(0);
    behaviour.update('DMV', { errorRate: 0 });
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    expect(sink.replies[1]?.responses).toHaveLength(1);
  });

  it('refuse and not_accepting answer at once with .04. and .01.', () => {
    const { dispatcher, sink, behaviour, systems } = setup();
    behaviour.update('DMV', { outage: 'refuse' });
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    behaviour.update('DMV', { outage: 'not_accepting' });
    dispatcher.dispatch(request('r2', 'DQ', 'DMV'), sink);
    expect(sink.replies.map((reply) => reply.reject?.code)).toEqual(['CLETS_ERR_SYSTEM_UNAVAILABLE', 'CLETS_ERR_SYSTEM_NOT_ACCEPTING']);
    expect(systems.get('DMV')?.calls).toHaveLength(0);
  });

  it('hang never answers, and a retry after the hang gets a real answer', () => {
    const { dispatcher, sink, behaviour, scheduler } = setup();
    behaviour.update('DMV', { outage: 'hang' });
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    scheduler.fireAll();
    expect(sink.replies).toHaveLength(0);
    expect(dispatcher.activity('DMV').hung).toBe(1);
    behaviour.update('DMV', { outage: 'none' });
    expect(sink.replies).toHaveLength(0);
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    expect(sink.replies[0]?.responses).toHaveLength(1);
  });

  it('queued sends a .02. notice, then the answer when the outage is cleared', () => {
    const { dispatcher, sink, behaviour, systems } = setup();
    behaviour.update('DMV', { outage: 'queued' });
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    dispatcher.dispatch({ ...request('r2', 'DQ', 'DMV'), deadlineMs: 1_700_000_005_000 }, sink);
    expect(sink.replies).toHaveLength(2);
    expect(sink.replies[0]).toMatchObject({ requestId: 'r1', final: false, queued: { system: 'DMV', expiresAtMs: 1_700_000_060_000 } });
    expect(sink.replies[1]?.queued?.expiresAtMs).toBe(1_700_000_005_000);
    expect(dispatcher.activity('DMV').queued).toBe(2);
    // A retry while queued hears the notice again; nothing reaches the system.
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    expect(sink.replies[2]).toEqual(sink.replies[0]);
    expect(systems.get('DMV')?.calls).toHaveLength(0);
    behaviour.update('DMV', { outage: 'none' });
    expect(sink.replies.slice(3).map((reply) => [reply.requestId, reply.final, reply.responses?.length])).toEqual([
      ['r1', true, 1],
      ['r2', true, 1],
    ]);
    expect(systems.get('DMV')?.calls).toHaveLength(2);
    expect(dispatcher.activity('DMV').queued).toBe(0);
  });

  it('a queued request that outlived its deadline is answered with a non-delivery', () => {
    let now = 1_700_000_000_000;
    const { dispatcher, sink, behaviour } = setup({ now: () => now });
    behaviour.update('DMV', { outage: 'queued' });
    dispatcher.dispatch({ ...request('r1', 'DQ', 'DMV'), deadlineMs: now + 1_000 }, sink);
    now += 5_000;
    behaviour.reset();
    expect(sink.replies[1]).toMatchObject({ requestId: 'r1', final: true, reject: { code: 'CLETS_ERR_NON_DELIVERY' } });
  });

  it('a full queue refuses with CLETS_ERR_QUEUE_FULL', () => {
    const { dispatcher, sink, behaviour } = setup({ maxQueued: 1 });
    behaviour.update('DMV', { outage: 'queued' });
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    dispatcher.dispatch(request('r2', 'DQ', 'DMV'), sink);
    expect(sink.replies[1]?.reject?.code).toBe('CLETS_ERR_QUEUE_FULL');
  });

  it('sends a reply to another open link of the peer when its own has closed', () => {
    const other = new Sink();
    const { dispatcher, sink, behaviour } = setup({ otherSink: other });
    behaviour.update('DMV', { outage: 'queued' });
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    sink.isOpen = false;
    behaviour.update('DMV', { outage: 'none' });
    expect(other.replies).toEqual([expect.objectContaining({ requestId: 'r1', final: true })]);
  });

  it('a system that throws becomes CLETS_ERR_INTERNAL, with no detail', () => {
    const broken = createFakeSystem('DMV', {
      answer: () => {
        throw new Error('database is on fire');
      },
    });
    const behaviour = new BehaviourController(['DMV'], {}, 1);
    const dispatcher = new RequestDispatcher({
      systems: new Map([['DMV', broken]]),
      behaviour,
      idempotency: new IdempotencyStore(10),
      limits: { maxQueuedPerSystem: 10, queueTtlMs: 1000 },
      logger: pino({ level: 'silent' }),
    });
    const sink = new Sink('county-19', new Set<SystemName>(['DMV']));
    dispatcher.dispatch(request('r1', 'DQ'), sink);
    expect(sink.replies[0]?.reject?.code).toBe('CLETS_ERR_INTERNAL');
    expect(JSON.stringify(sink.replies[0])).not.toContain('fire');
  });

  it('after stopAccepting refuses with CLETS_ERR_SHUTTING_DOWN; drain waits for answers in flight', async () => {
    const { dispatcher, sink, behaviour, scheduler } = setup();
    behaviour.update('DMV', { latency: { kind: 'fixed', ms: 50 } });
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    dispatcher.stopAccepting();
    dispatcher.dispatch(request('r2', 'DQ', 'DMV'), sink);
    expect(sink.replies[0]?.reject?.code).toBe('CLETS_ERR_SHUTTING_DOWN');
    const drained = dispatcher.drain(10_000);
    scheduler.fireAll();
    await expect(drained).resolves.toBe(true);
    expect(sink.replies[1]).toMatchObject({ requestId: 'r1', final: true });
    dispatcher.dispatch(request('r3', 'DQ', 'DMV'), sink);
    behaviour.update('DMV', { outage: 'queued' });
    await expect(dispatcher.drain(1)).resolves.toBe(true);
  });

  it('drain gives up at its deadline; cancelAll clears the timers', async () => {
    const { dispatcher, sink, behaviour, scheduler } = setup();
    behaviour.update('DMV', { latency: { kind: 'fixed', ms: 50 } });
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    await expect(dispatcher.drain(5)).resolves.toBe(false);
    dispatcher.cancelAll();
    expect(scheduler.timers.size).toBe(0);
    expect(dispatcher.activity('DMV').inFlight).toBe(0);
  });

  it('tells its metrics how each request ended and how long its final reply took', () => {
    let now = 1_700_000_000_000;
    const metrics = new RecordedMetrics();
    const { dispatcher, sink, behaviour, scheduler } = setup({
      metrics, now: () => now, behaviour: { DMV: { latency: { kind: 'fixed', ms: 40 }, errorRate: 0, outage: 'none' } },
    });
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    now += 40;
    scheduler.fireAll();
    dispatcher.dispatch(request('r1', 'DQ', 'DMV'), sink);
    dispatcher.dispatch(request('r2', 'DQ', 'NOPE'), sink);
    behaviour.update('NCIC', { outage: 'refuse' });
    dispatcher.dispatch(request('r3', 'QW', 'NCIC'), sink);
    behaviour.update('CORI', { outage: 'hang' });
    dispatcher.dispatch(request('r4', 'QW', 'CORI'), sink);
    behaviour.update('DMV', { errorRate: 1 });
    dispatcher.dispatch(request('r5', 'DQ', 'DMV'), sink);
    now += 40;
    scheduler.fireAll();
    expect(metrics.ends).toEqual([
      { system: 'DMV', outcome: 'answered', ms: 40 },
      { system: 'DMV', outcome: 'repeated' },
      { system: 'NOPE', outcome: 'refused', ms: 0 },
      { system: 'NCIC', outcome: 'refused', ms: 0 },
      { system: 'CORI', outcome: 'hung' },
      { system: 'DMV', outcome: 'error', ms: 40 },
    ]);
  });
});
