#!/usr/bin/env node
/**
 * The far end of the relay ceiling: a WebSocket server on 127.0.0.1 that answers each frame.
 *   echo:     sends the received bytes back unchanged (one answer per request, no decoding);
 *   protocol: decodes the Transaction and answers as a switch does, with the same frame count
 *             and sizes: Receipt, `responses` Responses padded to `responseBytes`, Completion.
 * Prints {"event":"listening","url":...} when ready (the e2e launcher's convention); exits on
 * SIGTERM. Config: one JSON argument {"mode","responses","responseBytes"}.
 */
import { WebSocketServer, type RawData } from 'ws';
import { decodeFrame, encodeFrame, type Frame, type Header } from '@clets/protocol';

interface EchoConfig {
  readonly mode: 'echo' | 'protocol';
  readonly responses: number;
  readonly responseBytes: number;
}

const config = JSON.parse(process.argv[2] ?? '{"mode":"echo","responses":2,"responseBytes":400}') as EchoConfig;
const SYSTEMS = ['NCIC', 'CORI', 'DMV', 'NLETS'];

/** Text that pads a response frame to about `responseBytes` (its header echoes the question's). */
function paddingFor(header: Header): string {
  const bare = encodeFrame({ response: { header, system: 'NCIC', status: 1, text: '' } }).length;
  return 'NO RECORD '.repeat(Math.ceil(Math.max(0, config.responseBytes - bare - 3) / 10)).slice(0, Math.max(0, config.responseBytes - bare - 3));
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
let padding: string | undefined;
server.on('connection', (socket) => {
  socket.on('error', () => undefined);
  socket.on('message', (data) => {
    if (config.mode === 'echo') {
      socket.send(data, { binary: true });
      return;
    }
    const frame = decodeFrame(toBytes(data), { maxFrameBytes: Number.MAX_SAFE_INTEGER });
    const question = frame.transaction?.header;
    const header: Header = {
      clientMessageId: question?.clientMessageId ?? '', control: question?.control ?? '', messageKey: question?.messageKey ?? '',
      ori: question?.ori ?? '', terminal: question?.terminal ?? '', operatorId: question?.operatorId ?? '',
    };
    padding ??= paddingFor(header);
    const answered = SYSTEMS.slice(0, config.responses);
    const frames: Frame[] = [
      { receipt: { header } },
      ...answered.map((system): Frame => ({ response: { header, system, status: 1, text: padding } })),
      { completion: { header, answered, failed: [] } },
    ];
    for (const answer of frames) socket.send(encodeFrame(answer, { maxFrameBytes: Number.MAX_SAFE_INTEGER }), { binary: true });
  });
});
server.once('listening', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('echo backend: no TCP address');
  process.stdout.write(`${JSON.stringify({ event: 'listening', url: `ws://127.0.0.1:${address.port}` })}\n`);
});
const stop = (): void => {
  for (const client of server.clients) client.terminate();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
