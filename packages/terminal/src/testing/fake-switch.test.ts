import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeFrame, encodeFrame, totpCode } from '@clets/protocol';
import { TerminalClient } from '../client.js';
import { FAKE_OPERATOR, FAKE_TERMINAL, startFakeSwitch, type FakeSwitch } from './index.js';

const SECRET = 'JBSWY3DPEHPK3PXP';
let fake: FakeSwitch | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('fake switch', () => {
  it('accepts each TOTP code once', async () => {
    const now = Date.UTC(2025, 5, 1, 8, 0, 5);
    fake = await startFakeSwitch({ clock: () => now, operators: { OP1: { password: FAKE_OPERATOR.password, totpSecret: SECRET } } });
    const options = {
      url: fake.url, mnemonic: FAKE_TERMINAL.mnemonic, deviceSecret: FAKE_TERMINAL.deviceSecret, ...FAKE_OPERATOR,
      secondFactor: async () => totpCode(SECRET, now),
    };
    const first = new TerminalClient(options);
    await first.open();
    await first.close();
    const second = new TerminalClient(options);
    await second.connect();
    await expect(second.login()).rejects.toMatchObject({ code: 'CLETS_ERR_SECOND_FACTOR_REPLAYED' });
    await second.close();
  });

  it('refuses a transaction before login, echoing its header', async () => {
    fake = await startFakeSwitch();
    const socket = new WebSocket(fake.url, { perMessageDeflate: false });
    await new Promise((resolve) => socket.once('open', resolve));
    const answer = new Promise<Buffer>((resolve) => socket.once('message', (data) => resolve(data as Buffer)));
    socket.send(encodeFrame({ transaction: { header: { clientMessageId: 'raw-1', control: 'C1' } } }));
    const frame = decodeFrame(await answer);
    expect(frame.reject).toMatchObject({ code: 'CLETS_ERR_NOT_LOGGED_IN', header: { clientMessageId: 'raw-1', control: 'C1' } });
    socket.terminate();
  });
});
