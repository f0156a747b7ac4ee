#!/usr/bin/env node
/**
 * A terminal client written from the wire contract alone: proto/clets/v1/clets.proto, loaded
 * at run time by protobufjs, and docs/protocol.md. It imports nothing of this project's code,
 * so it is what a client in any language with a protobuf library and a WebSocket has to do:
 *
 *   TerminalHello -> LoginBanner -> BannerAck -> OperatorLogin -> SecondFactorChallenge
 *   -> SecondFactorAnswer (TOTP) -> LoginResult -> Transaction (one QW) -> Receipt,
 *   Response..., Completion -> Logout (the switch closes with 4017)
 *
 * Settings come from the environment `pnpm demo --env-out FILE` writes:
 *   CLETS_URL            wss://host:port of the switch's terminal port
 *   CLETS_CA_FILE        the CA certificate to trust (optional: the system's CAs otherwise)
 *   CLETS_TERMINAL       the terminal mnemonic, CLETS_DEVICE_SECRET its device secret
 *   CLETS_OPERATOR       the operator id, CLETS_PASSWORD its password
 *   CLETS_TOTP_SECRET    the operator's TOTP secret (base32)
 * and, optionally, the subject of the inquiry: CLETS_EXAMPLE_NAME (LAST,FIRST),
 * CLETS_EXAMPLE_SEX, CLETS_EXAMPLE_DOB (CCYYMMDD). Exit 0 once a Completion came.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import WebSocket from 'ws';

if (process.argv.length > 2) {
  const [flag] = process.argv.slice(2);
  if (flag === '--help' || flag === '-h') {
    process.stdout.write('usage: node examples/ws-client.mjs\n\nSettings from the environment: see the top of this file and examples/README.md.\n');
    process.exit(0);
  }
  process.stderr.write(`ws-client: unknown argument ${flag} (see --help)\n`);
  process.exit(2);
}

const PROTO = fileURLToPath(new URL('../proto/clets/v1/clets.proto', import.meta.url));
/** No answer within this long is a failure: the example never hangs. */
const WAIT_MS = 30_000;

function setting(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') {
    process.stderr.write(`ws-client: set ${name} (pnpm demo --env-out FILE writes it; see examples/README.md)\n`);
    process.exit(2);
  }
  return value;
}

// --- TOTP, RFC 6238: HMAC-SHA-1 over the 30-second step number, 6 digits ----------------------

function base32Bytes(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function totp(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Bytes(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const stepNow = () => Math.floor(Date.now() / 30_000);

// --- frames: encode and decode with the schema -------------------------------------------------

const root = await protobuf.load(PROTO);
const Frame = root.lookupType('clets.v1.Frame');

const encode = (object) => Frame.encode(Frame.fromObject(object)).finish();
/** A frame as a plain object: camelCase members, enum names, 64-bit values as numbers, `body` naming the oneof. */
const decode = (bytes) => Frame.toObject(Frame.decode(bytes), { enums: String, longs: Number, oneofs: true });

// --- the connection: every frame received waits in a queue until asked for ---------------------

const url = setting('CLETS_URL');
const caFile = process.env.CLETS_CA_FILE;
const ws = new WebSocket(url, { perMessageDeflate: false, ...(caFile ? { ca: readFileSync(caFile) } : {}) });
const received = [];
let waiting;
let closed;

ws.on('message', (data, isBinary) => {
  if (!isBinary) return;
  const frame = decode(new Uint8Array(data));
  // A heartbeat asks for its echo, whatever else is going on.
  if (frame.body === 'heartbeat' && !frame.heartbeat.reply) {
    ws.send(encode({ heartbeat: { nonce: frame.heartbeat.nonce, sentAtMs: Date.now(), reply: true } }));
    return;
  }
  received.push(frame);
  waiting?.();
});
ws.on('close', (code, reason) => {
  closed = { code, reason: reason.toString() };
  waiting?.();
});
ws.on('error', (error) => fail(`connection: ${error.message}`));

/** The next frame, or a failure when the switch says nothing in time or closes. */
async function next() {
  const deadline = Date.now() + WAIT_MS;
  while (received.length === 0) {
    if (closed) fail(`the switch closed the connection: ${closed.code} ${closed.reason}`);
    const left = deadline - Date.now();
    if (left <= 0) fail(`no frame within ${WAIT_MS} ms`);
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, left);
      waiting = () => { clearTimeout(timer); resolve(); };
    });
    waiting = undefined;
  }
  return received.shift();
}

function send(object) {
  ws.send(encode(object));
}

function fail(message) {
  process.stderr.write(`ws-client: ${message}\n`);
  ws.terminate();
  process.exit(1);
}

// --- the session --------------------------------------------------------------------------------

await new Promise((resolve) => ws.once('open', resolve));
console.log(`connected to ${url}`);

send({ terminalHello: { mnemonic: setting('CLETS_TERMINAL'), deviceSecret: setting('CLETS_DEVICE_SECRET'), client: 'examples/ws-client.mjs', protocolVersion: 1 } });
const banner = await next();
if (banner.body !== 'loginBanner') fail(`expected the login banner, got ${JSON.stringify(banner)}`);
console.log(`banner ${banner.loginBanner.bannerId}:\n  ${banner.loginBanner.statements.join('\n  ')}`);
// The banner is acknowledged before any login (CJIS system use notification).
send({ bannerAck: { bannerId: banner.loginBanner.bannerId } });

const operatorId = setting('CLETS_OPERATOR');
const login = await logIn(operatorId, setting('CLETS_PASSWORD'), setting('CLETS_TOTP_SECRET'));
console.log(`logged in: ${login.operatorId} at ${login.terminal} (${login.ori}, ${login.role}), ${login.messagesWaiting ?? 0} message(s) waiting`);

/**
 * OperatorLogin, then the TOTP code the challenge asks for. A code whose 30-second step was
 * already used (this operator logged in during this step) is refused as replayed: the
 * client waits for the next step and logs in again on the same connection, once.
 */
async function logIn(id, password, secret) {
  let lastStep;
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    send({ operatorLogin: { operatorId: id, password } });
    let frame = await next();
    if (frame.body === 'secondFactorChallenge') {
      lastStep = stepNow();
      send({ secondFactorAnswer: { code: totp(secret, lastStep) } });
      frame = await next();
    }
    if (frame.body !== 'loginResult') fail(`expected a login result, got ${JSON.stringify(frame)}`);
    if (frame.loginResult.ok) return frame.loginResult;
    if (frame.loginResult.code !== 'CLETS_ERR_SECOND_FACTOR_REPLAYED' || attempt === 2) {
      fail(`login refused: ${frame.loginResult.code} ${frame.loginResult.reason ?? ''}`);
    }
    const wait = (lastStep + 1) * 30_000 - Date.now() + 500;
    console.log(`this step's code was used already: waiting ${Math.ceil(wait / 1000)} s for the next one`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  throw new Error('unreachable');
}

// One inquiry, given as structured fields and a route-to (a mnemonic line in `text` works too).
const clientMessageId = `EX-${randomUUID()}`;
const name = process.env.CLETS_EXAMPLE_NAME ?? 'KORVALE,DESMIN';
const sex = process.env.CLETS_EXAMPLE_SEX ?? 'M';
const dob = process.env.CLETS_EXAMPLE_DOB ?? '19860412';
send({
  transaction: {
    header: { clientMessageId, control: 'EX-0001', messageKey: 'QW', ori: login.ori },
    fields: [{ tag: 'NAM', value: name }, { tag: 'SEX', value: sex }, { tag: 'DOB', value: dob }],
    routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP SUSPECT VEH', caseNumber: '26-001234' },
  },
});
console.log(`> QW NAM/${name} SEX/${sex} DOB/${dob} (client_message_id ${clientMessageId})`);

// Frames of this transaction carry its client_message_id; anything else is unsolicited traffic.
let receipted = false;
for (;;) {
  const frame = await next();
  const body = frame[frame.body];
  if (body?.header?.clientMessageId !== clientMessageId) {
    console.log(`  (unsolicited ${frame.body})`);
    continue;
  }
  if (frame.body === 'receipt') {
    receipted = true;
    console.log(`receipt ISN/${body.header.inputSeq} control ${body.header.control}`);
  } else if (frame.body === 'response') {
    const path = (body.header.hops ?? []).map((hop) => hop.switchId).join(' -> ');
    console.log(`response ${body.system} ${body.status ?? 'HIT_STATUS_UNSPECIFIED'} (path ${path})`);
    for (const record of body.records ?? []) console.log(`  ${record.status} ${record.file ?? ''} ${record.recordId ?? ''}`.trimEnd());
  } else if (frame.body === 'queuedNotice') {
    console.log(`queued for ${body.system}: ${body.text}`);
  } else if (frame.body === 'reject') {
    console.log(`reject ${body.code} ${body.system ?? ''}: ${body.reason}`);
    // A reject before the receipt is the whole answer; after it, one system's failure.
    if (!receipted) fail('the transaction was refused');
  } else if (frame.body === 'completion') {
    console.log(`completion ISN/${body.inputSeq} answered ${(body.answered ?? []).join(',') || '-'} failed ${(body.failed ?? []).join(',') || '-'}`);
    break;
  }
}

send({ logout: { reason: 'example done' } });
await new Promise((resolve) => (closed ? resolve() : ws.once('close', resolve)));
console.log(`logged out: the switch closed with ${closed.code}`);
