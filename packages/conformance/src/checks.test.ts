import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { HitStatus, decodeFrame, encodeFrame, type LinkReply } from '@clets/protocol';
import { buildSwitch, type CletsSwitch } from '@clets/switch';
import { FakeLink, type FakeRequest } from '@clets/switch/testing';
import { demoFixtures } from '@clets/switch/testing/security';
import { CHECKS, runConformance, type CheckResult } from './checks.js';

// A fixture terminal and operator of county 19 (fixtures/terminals.json, operators.json).
const TERMINAL = { mnemonic: 'LA03', deviceSecret: '0c343fa9ec519d4c6afd0777a3948528' };
const OPERATOR = { id: 'OP1003', password: 'Demo-Pass-1003!' };

function noRecord(request: FakeRequest): LinkReply {
  return {
    requestId: request.requestId, final: true,
    responses: [{ header: request.transaction.header ?? null, system: request.system, status: HitStatus.HIT_STATUS_NO_RECORD, text: 'NO RECORD' }],
  };
}

describe('the conformance kit against this project\'s switch (CJIS policy, TOTP)', () => {
  let sw: CletsSwitch;
  let url: string;
  let totpSecret: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clets-conformance-'));
    sw = await buildSwitch({
      switchId: 'county-19',
      messagesPath: ':memory:',
      audit: { path: join(dir, 'audit.db') },
      links: ['NCIC', 'CORI', 'NLETS', 'DMV'].map((name) => ({ name, url: 'ws://127.0.0.1:1', secret: 'test-secret-1' })),
      limits: { maxMalformedFrames: 3, maxFrameBytes: 16 * 1024 },
      security: { databasePath: join(dir, 'security.db'), settings: { passwords: { scrypt: { cost: 16, blockSize: 1, parallelization: 1 } } } },
      log: { level: 'silent' },
    }, { data: await demoFixtures(), linkFactory: (link) => new FakeLink(link.name, noRecord) });
    url = (await sw.listen()).terminals;
    const operators = JSON.parse(readFileSync(new URL('../../../fixtures/operators.json', import.meta.url), 'utf8')) as { id: string; totpSecret: string }[];
    totpSecret = operators.find((operator) => operator.id === OPERATOR.id)?.totpSecret ?? '';
  });

  afterAll(async () => {
    await sw?.close();
  });

  it('passes every check, one line each', async () => {
    const lines: CheckResult[] = [];
    const results = await runConformance({
      url, terminal: TERMINAL.mnemonic, deviceSecret: TERMINAL.deviceSecret, operatorId: OPERATOR.id, password: OPERATOR.password,
      totpSecret, maxMalformedFrames: 3, maxFrameBytes: 16 * 1024, timeoutMs: 10_000,
    }, (result) => lines.push(result));
    expect(lines).toHaveLength(CHECKS.length);
    expect(results.filter((result) => result.outcome !== 'pass').map((result) => `${result.id}: ${result.detail}`)).toEqual([]);
  });
});

describe('the conformance kit against a switch that breaks the rules', () => {
  let server: WebSocketServer;
  let url: string;

  beforeAll(async () => {
    // Answers a heartbeat with another nonce, logs anyone in without a banner, and answers a
    // transaction with two completions and no receipt.
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    server.on('connection', (socket) => {
      socket.on('message', (data) => {
        let frame;
        try {
          frame = decodeFrame(new Uint8Array(data as Buffer));
        } catch {
          return;
        }
        const send = (out: Parameters<typeof encodeFrame>[0]): void => socket.send(encodeFrame(out));
        if (frame.heartbeat) send({ heartbeat: { nonce: Number(frame.heartbeat.nonce ?? 0) - 1, reply: true } });
        if (frame.terminalHello) send({ loginResult: { ok: true, terminal: frame.terminalHello.mnemonic ?? '', ori: 'CA0190000' } });
        if (frame.transaction) {
          const header = { clientMessageId: frame.transaction.header?.clientMessageId ?? '', control: frame.transaction.header?.control ?? '' };
          send({ completion: { header } });
          send({ completion: { header } });
        }
      });
    });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const address = server.address();
    url = `ws://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });

  afterAll(async () => {
    for (const client of server.clients) client.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('reports each broken rule as a failure with its evidence, and never throws', async () => {
    const results = await runConformance({
      url, terminal: 'LA03', deviceSecret: 'x', operatorId: 'OP1003', password: 'y', timeoutMs: 500,
    });
    const outcome = Object.fromEntries(results.map((result) => [result.id, result]));
    expect(outcome['heartbeat-echo']).toMatchObject({ outcome: 'fail', detail: expect.stringContaining('nonce') });
    expect(outcome['binary-frames-only']?.outcome).toBe('fail');
    expect(outcome['banner-before-login']).toMatchObject({ outcome: 'fail', detail: expect.stringContaining('LoginBanner') });
    expect(outcome['malformed-limit-closes']?.outcome).toBe('fail');
  });
});
