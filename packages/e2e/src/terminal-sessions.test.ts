/**
 * Who holds a terminal, against a running county switch with the CJIS rules on (as the demo
 * runs them): a second connection that knows only the terminal's device secret must not end
 * the operator session that is live there, and another operator's login there is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { decodeFrame, encodeFrame, type DecodedFrame } from '@clets/protocol';
import { loadFixtures, type FixtureSet } from '@clets/fixtures';
import { TerminalClient } from '@clets/terminal';
import { startCountyNetwork, type CountyNetwork } from '@clets/launcher';

const ORI = 'CA0190100';
const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';
const QW = `QW.${ORI}.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.${RTE}`;

let fixtures: FixtureSet;
let network: CountyNetwork;
let dir: string;
const clients: TerminalClient[] = [];
const sockets: WebSocket[] = [];

function deviceSecret(mnemonic: string): string {
  const terminal = fixtures.terminals.find((candidate) => candidate.mnemonic === mnemonic);
  if (terminal === undefined) throw new Error(`no fixture terminal ${mnemonic}`);
  return terminal.deviceSecret;
}

function operator(id: string): { operatorId: string; password: string; totpSecret: string } {
  const record = fixtures.operators.find((candidate) => candidate.id === id);
  if (record?.totpSecret == null) throw new Error(`no fixture operator ${id} with a second factor`);
  return { operatorId: id, password: `Demo-Pass-${id.slice(2)}!`, totpSecret: record.totpSecret };
}

function client(mnemonic: string): TerminalClient {
  const terminal = new TerminalClient({ url: network.terminalsUrl, mnemonic, deviceSecret: deviceSecret(mnemonic), requestTimeoutMs: 15_000 });
  clients.push(terminal);
  return terminal;
}

/** A bare WebSocket that sends one TerminalHello and then nothing: the frames it gets back. */
async function helloOnly(mnemonic: string): Promise<{ frames: DecodedFrame[]; closes: number[] }> {
  const socket = new WebSocket(network.terminalsUrl, { perMessageDeflate: false });
  sockets.push(socket);
  const frames: DecodedFrame[] = [];
  const closes: number[] = [];
  socket.on('message', (data) => frames.push(decodeFrame(data as Buffer)));
  socket.on('close', (code) => closes.push(code));
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
  socket.send(encodeFrame({ terminalHello: { mnemonic, deviceSecret: deviceSecret(mnemonic), protocolVersion: 1 } }));
  await waitUntil(() => frames.length > 0);
  return { frames, closes };
}

beforeAll(async () => {
  fixtures = await loadFixtures();
  dir = mkdtempSync(join(tmpdir(), 'clets-terminal-sessions-'));
  network = await startCountyNetwork({
    dir,
    switchConfig: {
      limits: { requestDeadlineMs: 5_000 },
      // The CJIS rules as the demo runs them: a cheap scrypt cost, nothing else relaxed.
      security: { databasePath: join(dir, 'county-19-security.db'), settings: { passwords: { scrypt: { cost: 2 ** 12 } } } },
    },
  });
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  for (const terminal of clients) await terminal.close();
  await network?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('a second connection to a terminal in use, against a running switch', () => {
  it('keeps OP1026 connected and served at LA11 while another connection sends only TerminalHello for LA11', async () => {
    const live = client('LA11');
    const liveCloses: number[] = [];
    live.on('close', (event) => liveCloses.push(event.code));
    await live.open(operator('OP1026'));

    const intruder = await helloOnly('LA11');
    expect(intruder.frames[0]?.body).toBe('loginBanner');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(liveCloses).toEqual([]);
    expect(live.state).toBe('ready');
    expect((await live.sendOrThrow(QW)).outcome).toBe('completed');
  });

  it("says nothing of another operator's password at LA11 until the second factor is right too", async () => {
    // A terminal in use is refused only once both factors are right: a right password with a
    // wrong code gets the same answer as any failed login, not TERMINAL_BUSY.
    const holder = clients[0]!;
    const other = client('LA11');
    await other.connect();
    const wrongCode = { ...operator('OP1025'), totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };
    await expect(other.login(wrongCode)).rejects.toMatchObject({ code: 'CLETS_ERR_LOGIN_FAILED' });
    expect(holder.state).toBe('ready');
  });

  it('refuses another operator\'s login at LA11 with TERMINAL_BUSY and closes that connection with 4019', async () => {
    // OP1026 of the test above still holds LA11.
    const holder = clients[0]!;
    const liveCloses: number[] = [];
    holder.on('close', (event) => liveCloses.push(event.code));
    const other = client('LA11');
    const closed = new Promise<number>((resolve) => other.once('close', (event) => resolve(event.code)));
    await other.connect();
    await expect(other.login(operator('OP1025'))).rejects.toMatchObject({ code: 'CLETS_ERR_TERMINAL_BUSY' });
    expect(await closed).toBe(4019);
    expect(liveCloses).toEqual([]);
    expect((await holder.sendOrThrow(QW)).outcome).toBe('completed');
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
