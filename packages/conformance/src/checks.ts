/**
 * The conformance checks: what any CLETS switch must do on its terminal WebSocket, as
 * docs/protocol.md states it. Each check is one rule, run from outside against a live switch
 * with one registered terminal and one operator, and answers pass or fail with the evidence.
 *
 * Order matters: the pre-login checks use connections of their own, then one connection logs
 * in once (a TOTP code is accepted once per 30-second step, so one login per run) and the
 * transaction checks share it; the logout comes last.
 */
import { totpCode, type DecodedFrame, type FrameKind, type Transaction } from '@clets/protocol';
import { RawConnection, type ReceivedFrame } from './connection.js';

export interface ConformanceOptions {
  /** The switch's terminal endpoint, ws:// or wss://. */
  readonly url: string;
  /** PEM of the CA to trust for wss:// (the demo's own certificate, say). */
  readonly ca?: Buffer;
  readonly terminal: string;
  readonly deviceSecret: string;
  readonly operatorId: string;
  readonly password: string;
  /** Base32 TOTP secret, when the switch asks for a second factor. */
  readonly totpSecret?: string;
  /** The inquiry the transaction checks send, given the ORI the login answered with. */
  readonly inquiry?: (ori: string) => string;
  /** The switch's limit of malformed frames before it closes (docs: limits.maxMalformedFrames). */
  readonly maxMalformedFrames?: number;
  /** The switch's largest accepted terminal frame (docs: limits.maxFrameBytes). */
  readonly maxFrameBytes?: number;
  /** How long to wait for any one answer. */
  readonly timeoutMs?: number;
  readonly clock?: () => number;
}

export interface CheckResult {
  readonly id: string;
  readonly title: string;
  readonly outcome: 'pass' | 'fail' | 'skip';
  readonly detail: string;
  readonly ms: number;
}

interface Settings {
  readonly options: ConformanceOptions;
  readonly timeoutMs: number;
  readonly maxMalformedFrames: number;
  readonly maxFrameBytes: number;
  readonly clock: () => number;
}

/** What the login check leaves for the checks after it. */
interface Session {
  readonly connection: RawConnection;
  readonly ori: string;
  /** A first transaction's id and text, kept for the resend checks. */
  first?: { readonly id: string; readonly transaction: Transaction; readonly inputSeq: number };
}

interface Context extends Settings {
  session: Session | undefined;
  open(): Promise<RawConnection>;
}

/** A check passes by returning a line of evidence and fails by throwing `Failure`. */
class Failure extends Error {}
class Skipped extends Error {}

function fail(detail: string): never {
  throw new Failure(detail);
}

interface Check {
  readonly id: string;
  readonly title: string;
  readonly needsSession?: boolean;
  run(context: Context): Promise<string>;
}

/** Largest value a 64-bit field may carry: docs/protocol.md, "64-bit fields". */
const LARGEST_EXACT = Number.MAX_SAFE_INTEGER;

export const CHECKS: readonly Check[] = [
  {
    id: 'binary-frames-only',
    title: 'a text WebSocket message is refused with CLETS_ERR_TEXT_FRAME, and the connection keeps serving',
    async run(context) {
      const connection = await context.open();
      try {
        connection.sendText('QW.CA0000000.NAM/TEXT,FRAME');
        const reject = await connection.next('reject', 0, context.timeoutMs);
        expectCode(reject, 'CLETS_ERR_TEXT_FRAME');
        const mark = connection.received.length;
        connection.send({ heartbeat: { nonce: 7, reply: false } });
        if ((await connection.next('heartbeat', mark, context.timeoutMs)) === undefined) fail('no heartbeat answer after the refusal');
        return 'Reject CLETS_ERR_TEXT_FRAME, then a heartbeat answered';
      } finally {
        connection.close();
      }
    },
  },
  {
    id: 'heartbeat-echo',
    title: 'a heartbeat is answered with reply=true and the same nonce, at the largest exact value',
    async run(context) {
      const connection = await context.open();
      try {
        connection.send({ heartbeat: { nonce: LARGEST_EXACT, sentAtMs: context.clock(), reply: false } });
        const answer = (await connection.next('heartbeat', 0, context.timeoutMs))?.frame.heartbeat;
        if (answer == null) fail('no heartbeat answer');
        if (answer.reply !== true) fail('the answer does not have reply=true');
        if (answer.nonce !== LARGEST_EXACT) fail(`nonce ${String(answer.nonce)} is not the ${LARGEST_EXACT} sent`);
        return `nonce ${LARGEST_EXACT} echoed`;
      } finally {
        connection.close();
      }
    },
  },
  {
    id: 'malformed-frame-rejected',
    title: 'bytes that are not a frame are answered with a frame reject (CLETS_ERR_FRAME_*)',
    async run(context) {
      const connection = await context.open();
      try {
        connection.sendBytes(new Uint8Array([0xff, 0xff, 0xff, 0xff]));
        const reject = (await connection.next('reject', 0, context.timeoutMs))?.frame.reject;
        if (reject == null) fail('no reject');
        if (!String(reject.code).startsWith('CLETS_ERR_FRAME_')) fail(`reject code ${String(reject.code)}`);
        return `Reject ${String(reject.code)} (wire ${String(reject.wireCode)})`;
      } finally {
        connection.close();
      }
    },
  },
  {
    id: 'inexact-64-bit-refused',
    title: 'a 64-bit value beyond 2^53 - 1 is refused, never echoed rounded',
    async run(context) {
      const connection = await context.open();
      try {
        connection.sendBytes(heartbeatWithNonce(2n ** 53n + 1n));
        await connection.until(() => connection.received.length > 0, context.timeoutMs);
        const first = connection.received[0];
        if (first === undefined) fail('no answer');
        if (first.kind === 'heartbeat') fail(`the heartbeat was answered with nonce ${String(first.frame.heartbeat?.nonce)}`);
        expectCode(first, 'CLETS_ERR_FRAME_MALFORMED');
        return 'Reject CLETS_ERR_FRAME_MALFORMED';
      } finally {
        connection.close();
      }
    },
  },
  {
    id: 'malformed-limit-closes',
    title: 'the connection is closed with 4007 after the configured number of malformed frames',
    async run(context) {
      const connection = await context.open();
      try {
        for (let index = 0; index < context.maxMalformedFrames; index += 1) connection.sendBytes(new Uint8Array([0xff, 0xfe, 0xfd]));
        const closed = await connection.closedWithin(context.timeoutMs);
        if (closed === undefined) fail(`still open after ${context.maxMalformedFrames} malformed frames`);
        if (closed.code !== 4007) fail(`closed with ${closed.code}, expected 4007`);
        return `closed 4007 after ${context.maxMalformedFrames} malformed frames`;
      } finally {
        connection.close();
      }
    },
  },
  {
    id: 'oversize-frame-closes',
    title: 'a frame over the maximum size closes the connection with 1009',
    async run(context) {
      const connection = await context.open();
      try {
        connection.send({ adminMessage: { text: 'X'.repeat(context.maxFrameBytes) } });
        const closed = await connection.closedWithin(context.timeoutMs);
        if (closed === undefined) fail(`still open after a frame of more than ${context.maxFrameBytes} bytes`);
        if (closed.code !== 1009) fail(`closed with ${closed.code}, expected 1009`);
        return 'closed 1009';
      } finally {
        connection.close();
      }
    },
  },
  {
    id: 'transaction-before-login',
    title: 'a transaction before login is refused with CLETS_ERR_NOT_LOGGED_IN, echoing its client_message_id',
    async run(context) {
      const connection = await context.open();
      try {
        connection.send({ transaction: { header: { clientMessageId: 'CONF-EARLY', control: 'E1' }, text: 'QW.CA0000000.NAM/EARLY,BIRD' } });
        const reject = await connection.next('reject', 0, context.timeoutMs);
        expectCode(reject, 'CLETS_ERR_NOT_LOGGED_IN');
        const header = reject?.frame.reject?.header;
        if (header?.clientMessageId !== 'CONF-EARLY') fail(`client_message_id echoed as '${String(header?.clientMessageId)}'`);
        return 'Reject CLETS_ERR_NOT_LOGGED_IN for CONF-EARLY';
      } finally {
        connection.close();
      }
    },
  },
  {
    id: 'unknown-terminal-closes',
    title: 'a TerminalHello for an unregistered terminal is refused and closed with 4001',
    async run(context) {
      const connection = await context.open();
      try {
        connection.send({ terminalHello: { mnemonic: 'ZZ9Z', deviceSecret: 'not-a-device-secret', protocolVersion: 1 } });
        const closed = await connection.closedWithin(context.timeoutMs);
        const reject = connection.received.find((received) => received.kind === 'reject')?.frame.reject;
        if (reject == null) fail('no reject before the close');
        if (!['CLETS_ERR_TERMINAL_UNKNOWN', 'CLETS_ERR_TERMINAL_CREDENTIAL'].includes(String(reject.code))) fail(`reject code ${String(reject.code)}`);
        if (closed?.code !== 4001) fail(closed === undefined ? 'still open' : `closed with ${closed.code}, expected 4001`);
        return `Reject ${String(reject.code)}, closed 4001`;
      } finally {
        connection.close();
      }
    },
  },
  {
    id: 'banner-before-login',
    title: 'the login banner comes first and an OperatorLogin before its BannerAck is refused',
    async run(context) {
      const connection = await context.open();
      const { options } = context;
      connection.send({ terminalHello: { mnemonic: options.terminal, deviceSecret: options.deviceSecret, protocolVersion: 1 } });
      if ((await connection.next('loginBanner', 0, context.timeoutMs)) === undefined) {
        connection.close();
        fail(`no LoginBanner after TerminalHello (got ${kinds(connection.received)})`);
      }
      const mark = connection.received.length;
      connection.send({ operatorLogin: { operatorId: options.operatorId, password: options.password } });
      const result = (await connection.next('loginResult', mark, context.timeoutMs))?.frame.loginResult;
      if (result == null || result.ok || result.code !== 'CLETS_ERR_BANNER_NOT_ACKNOWLEDGED') {
        connection.close();
        fail(`expected LoginResult ok=false CLETS_ERR_BANNER_NOT_ACKNOWLEDGED, got ${result == null ? 'nothing' : `ok=${String(result.ok)} ${String(result.code)}`}`);
      }
      // The same connection goes on to log in (next check).
      context.session = { connection, ori: '' };
      return 'LoginBanner first; early OperatorLogin refused';
    },
  },
  {
    id: 'login',
    title: 'BannerAck, OperatorLogin and (when asked) the TOTP second factor log the operator in',
    async run(context) {
      const { options } = context;
      const pending = context.session;
      context.session = undefined;
      const connection = pending?.connection ?? await context.open();
      if (pending === undefined) {
        connection.send({ terminalHello: { mnemonic: options.terminal, deviceSecret: options.deviceSecret, protocolVersion: 1 } });
      }
      const banner = (await connection.next('loginBanner', 0, context.timeoutMs))?.frame.loginBanner;
      if (banner == null) fail('no LoginBanner');
      let mark = connection.received.length;
      connection.send({ bannerAck: { bannerId: banner.bannerId ?? '' } });
      connection.send({ operatorLogin: { operatorId: options.operatorId, password: options.password } });
      await connection.until(() => connection.since(mark, (received) => received.kind === 'secondFactorChallenge' || received.kind === 'loginResult').length > 0, context.timeoutMs);
      const step = connection.since(mark, (received) => received.kind === 'secondFactorChallenge' || received.kind === 'loginResult')[0];
      if (step === undefined) fail('no SecondFactorChallenge or LoginResult after OperatorLogin');
      if (step.kind === 'secondFactorChallenge') {
        if (options.totpSecret === undefined) fail('the switch asks for a second factor: give --totp-secret');
        mark = connection.received.length;
        connection.send({ secondFactorAnswer: { code: totpCode(options.totpSecret, context.clock()) } });
      }
      const result = (await connection.next('loginResult', mark, context.timeoutMs))?.frame.loginResult;
      if (result == null) fail('no LoginResult');
      if (!result.ok) {
        connection.close();
        fail(`login refused: ${String(result.code)} ${String(result.reason)}` +
          (result.code === 'CLETS_ERR_SECOND_FACTOR_REPLAYED' || result.code === 'CLETS_ERR_LOGIN_FAILED'
            ? ' (a TOTP code is accepted once per 30-second step: one login per operator per step)' : ''));
      }
      if (result.terminal !== options.terminal) fail(`LoginResult names terminal ${String(result.terminal)}`);
      context.session = { connection, ori: result.ori ?? '' };
      return `logged in: ${String(result.operatorId)} at ${String(result.terminal)} (${String(result.ori)}, ${String(result.role)})` +
        (step.kind === 'secondFactorChallenge' ? ', TOTP asked and accepted' : '');
    },
  },
  {
    id: 'bare-hello-harmless',
    title: 'a second connection saying TerminalHello for the same terminal does not end the live session',
    needsSession: true,
    async run(context) {
      const live = context.session!.connection;
      const intruder = await context.open();
      try {
        intruder.send({ terminalHello: { mnemonic: context.options.terminal, deviceSecret: context.options.deviceSecret, protocolVersion: 1 } });
        await intruder.until(() => intruder.received.length > 0 || intruder.closed !== undefined, context.timeoutMs);
      } finally {
        intruder.close();
      }
      await live.settle(200);
      if (live.closed !== undefined) fail(`the live session was closed with ${live.closed.code} ${live.closed.reason}`);
      const mark = live.received.length;
      live.send({ heartbeat: { nonce: 11, reply: false } });
      if ((await live.next('heartbeat', mark, context.timeoutMs)) === undefined) fail('the live session no longer answers');
      return 'the live session is still open and answering';
    },
  },
  {
    id: 'transaction-answer-order',
    title: 'an inquiry gets a Receipt first, its answers, and exactly one Completion last, all correlated',
    needsSession: true,
    async run(context) {
      const session = context.session!;
      const transaction = inquiry(context, 'CONF-T1', 'T1');
      const mark = session.connection.received.length;
      session.connection.send({ transaction });
      const frames = await answerTo(session.connection, 'CONF-T1', mark, context.timeoutMs);
      const order = frames.map((received) => received.kind);
      if (order[0] !== 'receipt') fail(`first frame is ${String(order[0])}, not a Receipt (${order.join(', ')})`);
      const completions = order.filter((kind) => kind === 'completion').length;
      if (completions !== 1) fail(`${completions} Completions (${order.join(', ')})`);
      if (order.at(-1) !== 'completion') fail(`the Completion is not last (${order.join(', ')})`);
      for (const received of frames) {
        if (headerOf(received.frame)?.control !== 'T1') fail(`${received.kind} does not echo the control field`);
      }
      const inputSeq = Number(frames[0]!.frame.receipt?.header?.inputSeq ?? 0);
      if (!(inputSeq > 0)) fail('the Receipt carries no input sequence number');
      await session.connection.settle(300);
      const late = session.connection.since(mark, (received) => idOf(received.frame) === 'CONF-T1').length - frames.length;
      if (late > 0) fail(`${late} frame(s) for the transaction after its Completion`);
      session.first = { id: 'CONF-T1', transaction, inputSeq };
      return `${order.join(' -> ')} (ISN ${inputSeq})`;
    },
  },
  {
    id: 'reject-is-final',
    title: 'a refused transaction gets exactly one Reject and nothing else',
    needsSession: true,
    async run(context) {
      const session = context.session!;
      const mark = session.connection.received.length;
      session.connection.send({ transaction: { header: { clientMessageId: 'CONF-R1', control: 'R1' }, text: `ZZ.${session.ori}.NAM/NO,SUCHKEY` } });
      const frames = await answerTo(session.connection, 'CONF-R1', mark, context.timeoutMs);
      await session.connection.settle(300);
      const all = session.connection.since(mark, (received) => idOf(received.frame) === 'CONF-R1');
      if (all.length !== 1 || all[0]!.kind !== 'reject') fail(`expected one Reject, got ${kinds(all)}`);
      return `Reject ${String(frames[0]!.frame.reject?.code)} only`;
    },
  },
  {
    id: 'interleaved-correlation',
    title: 'five inquiries sent back to back are each answered completely, none mixed up',
    needsSession: true,
    async run(context) {
      const session = context.session!;
      const ids = ['CONF-I1', 'CONF-I2', 'CONF-I3', 'CONF-I4', 'CONF-I5'];
      const mark = session.connection.received.length;
      ids.forEach((id, index) => session.connection.send({ transaction: inquiry(context, id, `I${index + 1}`, index + 1) }));
      const answers = await Promise.all(ids.map((id) => answerTo(session.connection, id, mark, context.timeoutMs)));
      answers.forEach((frames, index) => {
        const id = ids[index]!;
        if (frames[0]?.kind !== 'receipt') fail(`${id}: first frame ${String(frames[0]?.kind)}`);
        if (frames.filter((received) => received.kind === 'completion').length !== 1) fail(`${id}: ${kinds(frames)}`);
        if (frames.some((received) => headerOf(received.frame)?.control !== `I${index + 1}`)) fail(`${id}: a frame carries another transaction's control field`);
      });
      return `${ids.length} complete answers`;
    },
  },
  {
    id: 'resend-answered-again',
    title: 'a resend of the same transaction with the same id is answered again, not run again',
    needsSession: true,
    async run(context) {
      const session = context.session!;
      const first = session.first ?? fail('needs the transaction-answer-order check to have passed');
      const mark = session.connection.received.length;
      session.connection.send({ transaction: first.transaction });
      const frames = await answerTo(session.connection, first.id, mark, context.timeoutMs);
      const receipt = frames.find((received) => received.kind === 'receipt');
      if (receipt === undefined) fail(`no Receipt in the answer to the resend (${kinds(frames)})`);
      const inputSeq = Number(receipt.frame.receipt?.header?.inputSeq ?? 0);
      if (inputSeq !== first.inputSeq) fail(`the resend got ISN ${inputSeq}, the original had ${first.inputSeq}: it was run again`);
      if (frames.filter((received) => received.kind === 'completion').length !== 1) fail(`the resend's answer: ${kinds(frames)}`);
      return `answered again with the original ISN ${inputSeq}`;
    },
  },
  {
    id: 'resend-while-in-flight',
    title: 'two sends of the same transaction at once both get a complete answer',
    needsSession: true,
    async run(context) {
      const session = context.session!;
      const transaction = inquiry(context, 'CONF-D1', 'D1', 7);
      const mark = session.connection.received.length;
      session.connection.send({ transaction });
      session.connection.send({ transaction });
      const complete = (): number => session.connection.since(mark, (received) => idOf(received.frame) === 'CONF-D1' && received.kind === 'completion').length;
      await session.connection.until(() => complete() >= 2, context.timeoutMs);
      await session.connection.settle(300);
      const frames = session.connection.since(mark, (received) => idOf(received.frame) === 'CONF-D1');
      const receipts = frames.filter((received) => received.kind === 'receipt');
      if (complete() !== 2) fail(`${complete()} Completions for two sends (${kinds(frames)})`);
      if (receipts.length !== 2) fail(`${receipts.length} Receipts for two sends`);
      const seqs = new Set(receipts.map((received) => Number(received.frame.receipt?.header?.inputSeq ?? 0)));
      if (seqs.size !== 1) fail(`the two answers carry different ISNs (${[...seqs].join(', ')}): it was run twice`);
      return 'two complete answers with one ISN';
    },
  },
  {
    id: 'message-id-reuse-refused',
    title: 'the same client_message_id on a different transaction is refused with CLETS_ERR_MESSAGE_ID_REUSED',
    needsSession: true,
    async run(context) {
      const session = context.session!;
      const first = session.first ?? fail('needs the transaction-answer-order check to have passed');
      const mark = session.connection.received.length;
      session.connection.send({ transaction: inquiry(context, first.id, 'T1', 99) });
      const frames = await answerTo(session.connection, first.id, mark, context.timeoutMs);
      if (frames.length !== 1 || frames[0]!.kind !== 'reject') fail(`expected one Reject, got ${kinds(frames)}`);
      expectCode(frames[0], 'CLETS_ERR_MESSAGE_ID_REUSED');
      return 'Reject CLETS_ERR_MESSAGE_ID_REUSED';
    },
  },
  {
    id: 'switch-stamps-not-forged',
    title: 'stamps only a switch may set (hops, input sequence, times) are not taken from the terminal',
    needsSession: true,
    async run(context) {
      const session = context.session!;
      const transaction = inquiry(context, 'CONF-S1', 'S1', 5);
      const forged: Transaction = {
        ...transaction,
        header: {
          ...transaction.header, inputSeq: 999_999, outputSeq: 888_888, receivedAtMs: 1_000, sentAtMs: 2_000,
          hops: [{ switchId: 'forged-switch', inputSeq: 1, outputSeq: 1, receivedAtMs: 1, sentAtMs: 1 }],
        },
      };
      const mark = session.connection.received.length;
      session.connection.send({ transaction: forged });
      const frames = await answerTo(session.connection, 'CONF-S1', mark, context.timeoutMs);
      const receipt = frames.find((received) => received.kind === 'receipt')?.frame.receipt?.header;
      if (receipt == null) fail(`no Receipt (${kinds(frames)})`);
      if (Number(receipt.inputSeq) === 999_999) fail('the Receipt echoes the forged input sequence number');
      if (Number(receipt.receivedAtMs) === 1_000) fail('the Receipt echoes the forged receive time');
      for (const received of frames) {
        if ((headerOf(received.frame)?.hops ?? []).some((hop) => hop.switchId === 'forged-switch')) fail(`${received.kind} carries the forged hop`);
      }
      return `ISN ${String(receipt.inputSeq)}, no forged hop`;
    },
  },
  {
    id: 'logout-closes',
    title: 'Logout ends the session and the switch closes with 4017',
    needsSession: true,
    async run(context) {
      const session = context.session!;
      context.session = undefined;
      session.connection.send({ logout: { reason: 'conformance run complete' } });
      const closed = await session.connection.closedWithin(context.timeoutMs);
      session.connection.close();
      if (closed?.code !== 4017) fail(closed === undefined ? 'still open after Logout' : `closed with ${closed.code}, expected 4017`);
      return 'closed 4017';
    },
  },
];

/** Runs every check in order; never throws. */
export async function runConformance(options: ConformanceOptions, onResult?: (result: CheckResult) => void): Promise<CheckResult[]> {
  const context: Context = {
    options,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxMalformedFrames: options.maxMalformedFrames ?? 5,
    maxFrameBytes: options.maxFrameBytes ?? 64 * 1024,
    clock: options.clock ?? Date.now,
    session: undefined,
    open: () => RawConnection.open({ url: options.url, openTimeoutMs: options.timeoutMs ?? 15_000, ...(options.ca !== undefined ? { ca: options.ca } : {}) }),
  };
  const results: CheckResult[] = [];
  for (const check of CHECKS) {
    const started = Date.now();
    let outcome: CheckResult['outcome'];
    let detail: string;
    try {
      if (check.needsSession && context.session === undefined) throw new Skipped('needs a logged-in session (the login check failed)');
      detail = await check.run(context);
      outcome = 'pass';
    } catch (error) {
      outcome = error instanceof Skipped ? 'skip' : 'fail';
      detail = error instanceof Failure || error instanceof Skipped ? error.message : `error: ${error instanceof Error ? error.message : String(error)}`;
    }
    const result: CheckResult = { id: check.id, title: check.title, outcome, detail, ms: Date.now() - started };
    results.push(result);
    onResult?.(result);
  }
  context.session?.connection.close();
  return results;
}

/** The default inquiry: a wanted-person query on a name no fixture holds (a no-record answer). */
export function defaultInquiry(ori: string, variant = 0): string {
  const dob = `197001${String(1 + (variant % 28)).padStart(2, '0')}`;
  return `QW.${ori}.NAM/CONFORMANCE,KIT.SEX/M.DOB/${dob}.RTE/REQ:CONFORMANCE KIT;RSN:VERIFY SWITCH PROTOCOL CONFORMANCE;CASE:CONF-0001`;
}

function inquiry(context: Context, id: string, control: string, variant = 0): Transaction {
  const ori = context.session?.ori ?? '';
  const line = context.options.inquiry !== undefined && variant === 0 ? context.options.inquiry(ori) : defaultInquiry(ori, variant);
  return { header: { clientMessageId: id, control }, text: line };
}

/** The frames answering one transaction: up to its Completion, or its Reject when no Receipt came. */
async function answerTo(connection: RawConnection, id: string, from: number, timeoutMs: number): Promise<ReceivedFrame[]> {
  const frames = (): ReceivedFrame[] => connection.since(from, (received) => idOf(received.frame) === id);
  const finished = (): boolean => {
    const seen = frames();
    return seen.some((received) => received.kind === 'completion')
      || (seen.some((received) => received.kind === 'reject') && !seen.some((received) => received.kind === 'receipt'));
  };
  await connection.until(finished, timeoutMs);
  const seen = frames();
  const end = seen.findIndex((received) => received.kind === 'completion');
  return end >= 0 ? seen.slice(0, end + 1) : seen;
}

const ANSWER_KINDS: readonly FrameKind[] = ['receipt', 'response', 'reject', 'queuedNotice', 'completion'];

function headerOf(frame: DecodedFrame) {
  for (const kind of ANSWER_KINDS) {
    const body = frame[kind] as { header?: { clientMessageId?: string | null; control?: string | null; hops?: { switchId?: string | null }[] | null } | null } | null | undefined;
    if (body != null) return body.header ?? undefined;
  }
  return undefined;
}

function idOf(frame: DecodedFrame): string | undefined {
  return headerOf(frame)?.clientMessageId ?? undefined;
}

function expectCode(received: ReceivedFrame | undefined, code: string): void {
  const reject = received?.frame.reject;
  if (reject == null) fail(`expected Reject ${code}, got ${received === undefined ? 'nothing' : received.kind}`);
  if (reject.code !== code) fail(`expected Reject ${code}, got ${String(reject.code)}: ${String(reject.reason)}`);
}

function kinds(frames: readonly ReceivedFrame[]): string {
  return frames.length === 0 ? 'nothing' : frames.map((received) => received.kind).join(', ');
}

/** A Heartbeat frame whose nonce is any unsigned value, encoded by hand (the codec refuses inexact ones). */
export function heartbeatWithNonce(nonce: bigint): Uint8Array {
  const varint: number[] = [];
  let rest = nonce;
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    varint.push(rest > 0n ? low | 0x80 : low);
  } while (rest > 0n);
  const heartbeat = [0x08, ...varint]; // Heartbeat.nonce = 1, varint
  return new Uint8Array([0x92, 0x01, heartbeat.length, ...heartbeat]); // Frame.heartbeat = 18
}
