#!/usr/bin/env node
/**
 * The bare relay of the ceiling: for each client connection it opens one connection to the
 * backend and copies every message both ways, as bytes, never decoding them. Writes are
 * coalesced per tick on both sides (cork, uncork on nextTick), as the switch coalesces its
 * own, so the ceiling is the best this stack (Node, ws, loopback) does in this layout.
 * Prints {"event":"listening","url":...}; exits on SIGTERM. Argument: the backend URL.
 */
import WebSocket, { WebSocketServer } from 'ws';

const backendUrl = process.argv[2];
if (backendUrl === undefined) throw new Error('relay: give the backend URL');

interface CorkableSocket {
  cork(): void;
  uncork(): void;
}

/** send() with the socket corked until the end of this tick. */
function corkedSender(socket: WebSocket): (data: WebSocket.RawData) => void {
  let corked = false;
  return (data) => {
    if (!corked) {
      const raw = (socket as unknown as { _socket?: CorkableSocket })._socket;
      if (raw !== undefined) {
        corked = true;
        raw.cork();
        process.nextTick(() => {
          corked = false;
          raw.uncork();
        });
      }
    }
    socket.send(data, { binary: true });
  };
}

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
server.on('connection', (client) => {
  client.on('error', () => undefined);
  const backend = new WebSocket(backendUrl, { perMessageDeflate: false });
  backend.binaryType = 'nodebuffer';
  backend.on('error', () => client.terminate());
  const waiting: WebSocket.RawData[] = [];
  const toBackend = corkedSender(backend);
  const toClient = corkedSender(client);
  backend.once('open', () => {
    for (const data of waiting.splice(0)) toBackend(data);
  });
  client.on('message', (data) => {
    if (backend.readyState === WebSocket.OPEN) toBackend(data);
    else waiting.push(data);
  });
  backend.on('message', (data) => toClient(data));
  client.on('close', () => backend.terminate());
  backend.on('close', () => client.terminate());
});
server.once('listening', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('relay: no TCP address');
  process.stdout.write(`${JSON.stringify({ event: 'listening', url: `ws://127.0.0.1:${address.port}` })}\n`);
});
const stop = (): void => {
  for (const client of server.clients) client.terminate();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
