import { describe, expect, it } from 'vitest';
import type { LinkReply, QueuedNotice } from '@clets/protocol';
import { HeldQueue } from './held-queue.js';
import { LinkDispatcher, type LinkSend } from './link-dispatcher.js';
import { FakeLink } from '../testing/fake-link.js';

const answered = (requestId: string): LinkReply => ({ requestId, final: true, responses: [{ system: 'NLETS', text: 'ANSWER' }] });

function setup() {
  const link = new FakeLink('NLETS', (request) => answered(request.requestId), { up: false });
  const held = new HeldQueue(10);
  const dispatcher = new LinkDispatcher({
    switchId: 'county-19', clock: Date.now, links: new Map([['NLETS', link]]), held, limits: { requestDeadlineMs: 1_000, queueTtlMs: 60_000 },
  });
  link.on('up', () => held.release('NLETS'));
  const notices: QueuedNotice[] = [];
  const send = (overrides: Partial<LinkSend> = {}): LinkSend => ({
    link: 'NLETS', system: 'NLETS', requestId: 'county-19:7:NLETS', transaction: { header: { messageKey: 'IQ' } }, destinations: [],
    stamp: { inputSeq: 1, receivedAt: Date.now() }, whenDown: 'queue', onQueued: (notice) => notices.push(notice), ...overrides,
  });
  return { link, held, dispatcher, notices, send };
}

describe('LinkDispatcher holding a request (.02.)', () => {
  it('records the hold before the notice, and refuses (.04.) what it cannot record', async () => {
    const { dispatcher, notices, send, held } = setup();
    const events: string[] = [];
    const refused = await dispatcher.send(send({
      onHold: async () => { events.push('hold'); throw new Error('database or disk is full'); },
      onQueued: () => events.push('notice'),
    }));
    expect(events).toEqual(['hold']);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CLETS_ERR_SYSTEM_UNAVAILABLE' } });
    expect(notices).toEqual([]);
    expect(held.depth('NLETS')).toBe(0);
  });

  it('sends at once when the link came back while the hold was being recorded (its release is already past)', async () => {
    const { dispatcher, link, send } = setup();
    let recorded: () => void = () => {};
    const outcome = dispatcher.send(send({ onHold: () => new Promise<void>((resolve) => { recorded = resolve; }) }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    link.setUp(true);
    recorded();
    await expect(outcome).resolves.toMatchObject({ ok: true, reply: { requestId: 'county-19:7:NLETS' } });
  });

  it('counts the time to live from acceptance: a request resumed after it ran out ends in a non-delivery at once', async () => {
    const { dispatcher, notices, send } = setup();
    const outcome = await dispatcher.send(send({ heldUntil: Date.now() - 1 }));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CLETS_ERR_NON_DELIVERY' } });
    expect(notices).toEqual([]);
  });

  it('holds a resumed request again without a second notice, and a late final reply answers it', async () => {
    const { dispatcher, notices, send, held } = setup();
    const outcome = dispatcher.send(send({ silentHold: true }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(held.depth('NLETS')).toBe(1);
    expect(dispatcher.deliverLate('county-19:7:NLETS', answered('county-19:7:NLETS'))).toBe(true);
    await expect(outcome).resolves.toMatchObject({ ok: true, reply: { responses: [{ text: 'ANSWER' }] } });
    expect(notices).toEqual([]);
    expect(held.depth('NLETS')).toBe(0);
    expect(dispatcher.deliverLate('county-19:7:NLETS', answered('county-19:7:NLETS'))).toBe(false);
  });

  it('suspends what it holds at shutdown, and anything asked of it after', async () => {
    const { dispatcher, send } = setup();
    const waiting = dispatcher.send(send());
    await new Promise((resolve) => setTimeout(resolve, 10));
    dispatcher.suspend();
    await expect(waiting).resolves.toMatchObject({ ok: false, suspended: true });
    await expect(dispatcher.send(send({ requestId: 'county-19:8:NLETS' }))).resolves.toMatchObject({ ok: false, suspended: true });
  });

  it('waits for the link of a resumed request its key would refuse (.04.), until its grace runs out', async () => {
    const { dispatcher, link, send } = setup();
    const late = dispatcher.send(send({ whenDown: 'refuse', waitForLinkUntil: Date.now() + 5_000 }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    link.setUp(true);
    await expect(late).resolves.toMatchObject({ ok: true });
    link.setUp(false);
    await expect(dispatcher.send(send({ whenDown: 'refuse' }))).resolves.toMatchObject({ ok: false, error: { code: 'CLETS_ERR_SYSTEM_UNAVAILABLE' } });
  });
});
