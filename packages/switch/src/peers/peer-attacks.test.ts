/**
 * The state switch against a county that lies with its own valid secret: claims more than it
 * owns, replays request ids (its own, another county's), sends garbage after LinkHello,
 * forges unsolicited reports and status messages. Each case is what the state must not
 * believe, and what it must not let the county do to others.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  ConfirmationState, decodeFrame, DeliveryState, encodeFrame, LinkState, PROTOCOL_VERSION,
  type DecodedFrame, type DeliveryReport, type Frame, type HitConfirmationResponse, type LinkReply, type StatusMessage,
} from '@clets/protocol';
import { TerminalClient } from '@clets/terminal';
import type { MemoryAuditStore } from '../audit/index.js';
import { SECURITY_ALERTS_METRIC } from '../security/alerts.js';
import {
  ORI_19, ORI_37, ORI_DOJ, PEER_SECRETS, startNetworkHarness, waitFor, type NetworkHarness,
} from '../testing/network-harness.js';

const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';
const QW = `QW.${ORI_19}.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115.${RTE}`;

let network: NetworkHarness<TerminalClient> | undefined;

/** The harness's terminals are the real client. */
const withTerminals = { terminalClient: (client: { url: string; mnemonic: string; deviceSecret: string }) => new TerminalClient(client) };
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await network?.close();
  network = undefined;
});

/** A raw connection to the state's peer port, speaking frames by hand. */
class RawPeer {
  readonly frames: DecodedFrame[] = [];
  readonly closed: Promise<number>;
  #seq = 0;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      try {
        this.frames.push(decodeFrame(data as Buffer, { maxFrameBytes: 8 * 1024 * 1024 }));
      } catch {
        // not a frame: ignored
      }
    });
    this.closed = new Promise((resolve) => socket.once('close', (code) => resolve(code)));
  }

  static async open(url: string): Promise<RawPeer> {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    sockets.push(socket);
    socket.on('error', () => undefined);
    await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
    return new RawPeer(socket);
  }

  send(frame: Frame): void {
    this.#seq += 1;
    this.socket.send(encodeFrame({ ...frame, linkSeq: this.#seq }, { maxFrameBytes: 8 * 1024 * 1024 }));
  }

  async hello(peerId: 'county-19' | 'county-37', claims: { oris?: string[]; terminals?: string[] } = {}): Promise<DecodedFrame['linkWelcome']> {
    this.send({ linkHello: { peerId, secret: PEER_SECRETS[peerId], role: 'switch', servedOris: claims.oris ?? [], servedTerminals: claims.terminals ?? [], protocolVersion: PROTOCOL_VERSION } });
    await waitFor(() => this.frames.some((frame) => frame.linkWelcome));
    return this.frames.find((frame) => frame.linkWelcome)?.linkWelcome;
  }

  async request(requestId: string, system: string, header: Record<string, unknown>, text: string): Promise<LinkReply> {
    this.send({ linkRequest: { requestId, system, deadlineMs: Date.now() + 5_000, transaction: { header: { clientMessageId: requestId, ...header }, text } } });
    await waitFor(() => this.frames.some((frame) => frame.linkReply?.requestId === requestId && frame.linkReply.final));
    return this.frames.find((frame) => frame.linkReply?.requestId === requestId && frame.linkReply.final)?.linkReply ?? {};
  }
}

/**
 * County 19's switch stopped, and a raw connection linked in its place with its secret (the
 * real switch would otherwise link again and replace it).
 */
async function asCounty19(harness: NetworkHarness<TerminalClient>, claims: { oris?: string[]; terminals?: string[] } = { oris: [ORI_19], terminals: ['LA01'] }): Promise<{ peer: RawPeer; welcome: DecodedFrame['linkWelcome'] }> {
  await harness.stopCounty('county-19');
  await waitFor(() => harness.state.network.peers.get('county-19')?.state === 'down');
  const peer = await RawPeer.open(harness.peersUrl);
  const welcome = await peer.hello('county-19', claims);
  return { peer, welcome };
}

/** Polls an async condition. */
async function until(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function collect<T>(client: TerminalClient, event: 'deliveryReport' | 'hitConfirmationResponse' | 'statusMessage'): T[] {
  const received: T[] = [];
  client.on(event, (frame: unknown) => received.push(frame as T));
  return received;
}

async function alerts(harness: NetworkHarness<TerminalClient>, kind: string): Promise<ReturnType<MemoryAuditStore['query']>> {
  const audit = harness.state.audit as MemoryAuditStore;
  await audit.flush();
  return audit.query({ type: 'security_alert', outcome: kind });
}

describe('a lying county: claims', () => {
  it('announcing hundreds of foreign entries raises a bounded number of alerts, and routes none of them', async () => {
    network = await startNetworkHarness(withTerminals);
    const { state, peersUrl } = network;
    const foreign = Array.from({ length: 300 }, (_, n) => `CA037${String(n).padStart(4, '0')}`);
    const { welcome } = await asCounty19(network, { oris: [ORI_19, ...foreign], terminals: ['LA01', 'SD01'] });
    expect(welcome).toMatchObject({ ok: true, code: 'CLETS_ERR_PEER_CLAIM_REFUSED' });
    expect(welcome?.reason).toMatch(/^301 claim\(s\) refused: .*; and 296 more$/);
    const raised = await alerts(network, 'peer_claim_refused');
    expect(raised).toHaveLength(33);
    expect(raised.at(-1)?.detail).toMatchObject({ more: 301 - 32 });
    expect(foreign.some((ori) => state.table().peerOris.get(ori) === 'county-19')).toBe(false);
  });

  it('a second LinkHello on a linked connection changes nothing of what the county owns', async () => {
    network = await startNetworkHarness(withTerminals);
    const { state, peersUrl } = network;
    const { peer } = await asCounty19(network, { oris: [ORI_19], terminals: ['LA01', 'LA02', 'LA08'] });
    peer.send({ linkHello: { peerId: 'county-19', secret: PEER_SECRETS['county-19'], role: 'switch', servedOris: [], servedTerminals: ['SD07'], protocolVersion: PROTOCOL_VERSION } });
    const reply = await peer.request('probe-1', 'NCIC', { messageKey: 'QW', ori: ORI_19, terminal: 'LA01', operatorId: 'OP1001' }, QW);
    expect(reply.responses).toHaveLength(1);
    expect(state.table().peerTerminals.get('SD07')).toBeUndefined();
    expect(state.table().peerTerminals.get('LA02')).toBe('county-19');
  });
});

describe('a lying county: request ids', () => {
  it('replaying another county\'s request id gets its own answer, never the other county\'s', async () => {
    network = await startNetworkHarness(withTerminals);
    const { peersUrl, county37, systems } = network;
    const upstream37 = county37.links.get('state')!;
    const asked = await upstream37.request({
      requestId: 'county-37:shared:1', system: 'NCIC', deadlineMs: Date.now() + 5_000,
      transaction: { header: { clientMessageId: 'c37-1', messageKey: 'QW', ori: ORI_37, terminal: 'SD01', operatorId: 'OP2001' }, text: QW.replace(ORI_19, ORI_37) },
    });
    expect(asked.responses?.[0]?.header?.terminal).toBe('SD01');
    const { peer } = await asCounty19(network);
    const replayed = await peer.request('county-37:shared:1', 'NCIC', { messageKey: 'QW', ori: ORI_19, terminal: 'LA01', operatorId: 'OP1001' }, QW);
    expect(replayed.responses?.[0]?.header?.terminal).toBe('LA01');
    expect(systems.get('NCIC')!.requests).toHaveLength(2);
  });

  it('replaying its own request id under another county\'s header runs nothing new and discloses nothing new', async () => {
    network = await startNetworkHarness(withTerminals);
    const { peersUrl, systems } = network;
    const { peer } = await asCounty19(network);
    const first = await peer.request('c19:1', 'NCIC', { messageKey: 'QW', ori: ORI_19, terminal: 'LA01', operatorId: 'OP1001' }, QW);
    peer.frames.length = 0;
    const again = await peer.request('c19:1', 'NCIC', { messageKey: 'QW', ori: ORI_37, terminal: 'SD01', operatorId: 'OP2001' }, QW.replace(ORI_19, ORI_37));
    expect(again).toEqual(first);
    expect(systems.get('NCIC')!.requests).toHaveLength(1);
    // A refused request replayed stays refused, with one alert for it.
    const refused = await peer.request('c19:2', 'NCIC', { messageKey: 'QW', ori: ORI_37, terminal: 'SD01', operatorId: 'OP2001' }, QW.replace(ORI_19, ORI_37));
    const refusedAgain = await peer.request('c19:2', 'NCIC', { messageKey: 'QW', ori: ORI_19, terminal: 'LA01', operatorId: 'OP1001' }, QW);
    expect(refused.reject?.code).toBe('CLETS_ERR_HEADER_MISMATCH');
    expect(refusedAgain.reject?.code).toBe('CLETS_ERR_HEADER_MISMATCH');
    expect(await alerts(network, 'link_violation')).toHaveLength(1);
    expect(systems.get('NCIC')!.requests).toHaveLength(1);
  });
});

describe('a lying county: garbage after LinkHello', () => {
  it('closes a linked county that keeps sending undecodable or text messages (4007), alerted, and takes it back when it links properly', async () => {
    network = await startNetworkHarness(withTerminals);
    const { state } = network;
    const { peer } = await asCounty19(network);
    for (let n = 0; n < 3; n += 1) peer.socket.send(Buffer.from([0xff, 0xff, 0xff, n]));
    for (let n = 0; n < 3; n += 1) peer.socket.send(`not a frame ${n}`);
    expect(await peer.closed).toBe(4007);
    const raised = await alerts(network, 'link_violation');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ code: 'CLETS_ERR_TOO_MANY_MALFORMED', terminal: 'county-19' });
    expect(await state.metrics.counterValue(SECURITY_ALERTS_METRIC, { kind: 'link_violation' })).toBe(1);
    // The real county 19 links again.
    const county19 = await network.restartCounty('county-19');
    await waitFor(() => county19.links.get('state')?.state === 'up' && state.network.peers.get('county-19')?.state === 'up', 10_000);
  });

  it('closes a connection that sends garbage before LinkHello, without listening to it', async () => {
    network = await startNetworkHarness(withTerminals);
    const peer = await RawPeer.open(network.peersUrl);
    peer.socket.send(Buffer.from([0x0a, 0x02, 0xff]));
    expect(await peer.closed).toBe(4018);
    expect(peer.frames.map((frame) => frame.linkWelcome)).toMatchObject([{ ok: false, code: 'CLETS_ERR_FRAME_MALFORMED' }]);
  });
});

describe('a lying county: forged unsolicited traffic', () => {
  it('a delivery report about a destination the county does not own is dropped and alerted, never shown to the sender', async () => {
    network = await startNetworkHarness(withTerminals);
    const { peersUrl, terminal } = network;
    const doj = await terminal('DJ01');
    const reports = collect<DeliveryReport>(doj, 'deliveryReport');
    const { peer } = await asCounty19(network);
    const forged = (destination: string): Frame => ({
      deliveryReport: {
        header: { terminal: 'DJ01', ori: ORI_DOJ, clientMessageId: 'x' }, messageId: 'state:DJ01:x', destination,
        state: DeliveryState.DELIVERY_STATE_DELIVERED, text: `${destination}: DELIVERED`,
      },
    });
    peer.send(forged('SD01'));
    peer.send(forged('LA01'));
    await waitFor(() => reports.length === 1);
    expect(reports.map((report) => report.destination)).toEqual(['LA01']);
    const raised = await alerts(network, 'link_violation');
    expect(raised).toHaveLength(1);
    expect(raised[0]?.detail).toMatchObject({ peer: 'county-19', frame: 'deliveryReport', claimed: 'SD01' });
  });

  it('a hit confirmation answer forged in another agency\'s name is dropped and alerted', async () => {
    network = await startNetworkHarness(withTerminals);
    const { peersUrl, terminal } = network;
    const sd01 = await terminal('SD01');
    const answers = collect<HitConfirmationResponse>(sd01, 'hitConfirmationResponse');
    const { peer } = await asCounty19(network);
    for (const respondingOri of [ORI_DOJ, '']) {
      peer.send({
        hitConfirmationResponse: {
          header: { terminal: 'SD01', ori: ORI_37 }, confirmationId: 'county-37:SD01:1', recordId: 'W000000001',
          state: ConfirmationState.CONFIRMATION_STATE_CONFIRMED, respondingOri, text: 'CONFIRMED',
        },
      });
    }
    await until(async () => (await alerts(network!, 'link_violation')).length === 2);
    expect(answers).toEqual([]);
  });

  it('a status message about a system or county link of the state is not believed from a county', async () => {
    network = await startNetworkHarness(withTerminals);
    const { peersUrl, terminal } = network;
    const doj = await terminal('DJ01');
    const status = collect<StatusMessage>(doj, 'statusMessage');
    const { peer } = await asCounty19(network);
    status.length = 0;
    for (const system of ['NCIC', 'county-37', 'CLETS-RMS']) {
      peer.send({ statusMessage: { system, state: LinkState.LINK_STATE_DOWN, text: `${system} OUT OF SERVICE`, reportedBy: 'state' } });
    }
    await waitFor(() => status.length === 1);
    expect(status[0]).toMatchObject({ system: 'CLETS-RMS', reportedBy: 'county-19' });
    expect(await alerts(network, 'link_violation')).toHaveLength(2);
  });
});
