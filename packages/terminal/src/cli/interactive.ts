/**
 * The interactive terminal: log in, then a prompt showing operator, terminal and ORI (and
 * the count of held administrative messages). A typed transaction is checked against the
 * catalogue before it is sent, a missing route-to is asked for, and the answers are printed
 * as they arrive while the prompt stays live: the operator may type the next line meanwhile.
 * Traffic nobody asked for (AM, SM, YQ, YR, delivery reports) is printed above the line being
 * typed without breaking it; a hit is an alert with the bell.
 *
 * Takes its input and output streams (LineConsole), so tests drive it with PassThrough
 * streams and a fake switch.
 */
import { writeFile } from 'node:fs/promises';
import {
  HitStatus, describeCatalogue, describeKey, formatResponse, toCletsError,
  type AdminMessage, type LoginResult, type Response, type ResponseRecord, type Transaction,
} from '@clets/protocol';
import { hitConfirmationLine, isHit, type TerminalClient, type TransactionResult, type UncorrelatedEvent } from '../index.js';
import { InputCancelled, InputClosed } from './ask.js';
import type { CliSecrets, CliSettings } from './args.js';
import { checkLine, formatLocalError, isRouteToGap } from './check.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { runForm } from './forms.js';
import { LineConsole, type ConsoleOutput } from './line-console.js';
import { logIn } from './login.js';
import {
  hitBanner, renderAdminMessage, renderDeliveryReport, renderEnd, renderHitConfirmationRequest, renderHitConfirmationResponse,
  renderLogin, renderProgress, renderReject, renderResponse, renderStatusMessage,
} from './render.js';
import { completeRouteTo } from './route-to.js';
import { caseFileText, logTransaction, parseLogCommand, parseMessageRef, printout, recalledHits, type Extract, type LogRequest } from './message-log.js';

export interface InteractiveRun {
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: ConsoleOutput;
  /** Line editing, history, hidden input and redrawing (default: the input is a terminal). */
  readonly terminal?: boolean;
  /** Ring the bell on hits and urgent hit confirmation requests (default: when `terminal`). */
  readonly bell?: boolean;
  readonly client: TerminalClient;
  readonly settings: CliSettings;
  readonly secrets: CliSecrets;
}

/** Commands, for `help`. */
export const COMMANDS_HELP = `Commands:
  help                 this list and every message key
  help KEY             a key's fields, rules and an example line (help QW)
  form KEY             build a transaction field by field (form QW)
  msgs                 show held administrative messages (the count is in the prompt)
  hold on|off          hold incoming AMs instead of printing them at once
  history              transaction lines sent this session (Up/Down recalls them)
  log                  your message log, newest first (kept by the switch across sessions); log more: next page
  log TEXT             the messages that hold TEXT (log find TEXT for text that looks like a number)
  log ISN, log #N      recall a transaction and its answers by ISN (the newest), or an entry by its number
  print ISN|#N         a recalled message laid out for printing
  save ISN|#N FILE     put a recalled message in a case file (--force to replace an existing file)
  yq ISN|#N            a hit confirmation request (YQ) pre-filled from the hits of answer ISN (this session or the log)
  status               session details
  exit, logout, Ctrl-D log out and leave
A transaction: KEY.ORI[.DEST...].TAG/VALUE...[.RTE/REQ:requester;RSN:reason;CASE:case number]
It is checked against the catalogue before it is sent; a missing route-to is asked for.`;

const COMMANDS = new Set(['help', 'form', 'msgs', 'hold', 'history', 'status', 'yq', 'log', 'print', 'save', 'exit', 'logout', 'quit']);
/** Answers kept for `yq ISN`, most recent last: a bound, so a long shift does not grow the client. */
const ANSWERS_KEPT = 200;

/** Runs an interactive session to its end; resolves with the exit status. */
export function runInteractive(run: InteractiveRun): Promise<ExitCode> {
  return new OperatorTerminal(run).run();
}

class OperatorTerminal {
  readonly #console: LineConsole;
  readonly #client: TerminalClient;
  readonly #settings: CliSettings;
  readonly #secrets: CliSecrets;
  readonly #bell: boolean;
  #session: LoginResult | undefined;
  /** AMs held for `msgs`: stored ones delivered at login, and all of them in hold mode. */
  readonly #held: AdminMessage[] = [];
  /** Stored AMs still to come after login (LoginResult.messages_waiting): held, not printed. */
  #storedToHold = 0;
  /** AMs held before the current login began (the rest of `#held` came with the login). */
  #heldBeforeLogin = 0;
  #hold = false;
  readonly #sent: string[] = [];
  /** This session's completed answers by input sequence number (ISN), for `yq ISN`. */
  readonly #answers = new Map<number, TransactionResult>();
  /** The last listing of the message log, for `log more`. */
  #lastListing: LogRequest | undefined;
  readonly #inFlight = new Set<Promise<unknown>>();
  #interruptedOnce = false;
  #leaving = false;
  #finish: (code: ExitCode) => void = () => undefined;
  readonly #done = new Promise<ExitCode>((resolve) => {
    this.#finish = resolve;
  });

  constructor(run: InteractiveRun) {
    this.#console = new LineConsole({ input: run.input, output: run.output, ...(run.terminal === undefined ? {} : { terminal: run.terminal }) });
    this.#client = run.client;
    this.#settings = run.settings;
    this.#secrets = run.secrets;
    this.#bell = run.bell ?? this.#console.terminal;
  }

  async run(): Promise<ExitCode> {
    this.#listen();
    const settings = this.#settings;
    this.#say(`CONNECTING TO ${settings.url} AS TERMINAL ${settings.terminal}`);
    try {
      this.#session = await logIn(this.#client, {
        operator: settings.operator, password: this.#secrets.password, totpSecret: this.#secrets.totpSecret, acceptBanner: settings.acceptBanner,
      }, { say: (text) => this.#say(text), ask: (question, options) => this.#console.ask(question, options) });
    } catch (error) {
      const abandoned = error instanceof InputClosed || error instanceof InputCancelled;
      this.#say(abandoned ? 'LOGIN ABANDONED' : `LOGIN FAILED: ${toCletsError(error).message}`);
      await this.#client.close();
      this.#console.close();
      return EXIT.CONNECTION;
    }
    this.#loggedIn(this.#session);
    this.#say('TYPE help FOR COMMANDS AND MESSAGE KEYS, form KEY TO BE ASKED FIELD BY FIELD, exit TO LOG OUT');
    this.#console.onLine((line) => this.#onLine(line));
    this.#console.onInterrupt(() => this.#onInterrupt());
    this.#console.onClose(() => void this.#leave(EXIT.OK));
    this.#updatePrompt();
    this.#console.prompt();
    return this.#done;
  }

  /** Who is logged in, and the stored AMs that follow the LoginResult (held, counted). */
  #loggedIn(session: LoginResult): void {
    this.#say(renderLogin(session));
    // Stored AMs follow the LoginResult at once; any that came in the same read are held already.
    const stored = this.#held.length - this.#heldBeforeLogin;
    this.#storedToHold = Math.max(0, (session.messagesWaiting ?? 0) - stored);
    const waiting = this.#held.length + this.#storedToHold;
    if (waiting > 0) this.#say(`${waiting} MESSAGE${waiting === 1 ? '' : 'S'} WAITING: TYPE msgs TO READ`);
  }

  #say(text: string): void {
    this.#console.print(text);
  }

  #promptText(): string {
    const session = this.#session;
    const waiting = this.#held.length > 0 ? ` [${this.#held.length} MSG]` : '';
    return `${session?.operatorId || this.#settings.operator || '?'}@${session?.terminal || this.#settings.terminal} ${session?.ori || '?'}${waiting}> `;
  }

  #updatePrompt(): void {
    this.#console.setPrompt(this.#promptText());
  }

  // --- traffic from the switch -----------------------------------------------------------------

  #listen(): void {
    const client = this.#client;
    client.on('adminMessage', (message) => this.#onAdminMessage(message));
    client.on('statusMessage', (message) => this.#say(renderStatusMessage(message)));
    client.on('hitConfirmationRequest', (request) => this.#say(renderHitConfirmationRequest(request, { bell: this.#bell })));
    client.on('hitConfirmationResponse', (response) => this.#say(renderHitConfirmationResponse(response)));
    client.on('deliveryReport', (report) => this.#say(renderDeliveryReport(report)));
    client.on('sessionReject', (reject) => this.#say(renderReject(reject)));
    // A hit for no request in flight (a late answer) is still a hit to see.
    client.on('hit', (event) => {
      if (!event.correlated) this.#say(`${hitBanner(event.response.system ?? '', { bell: this.#bell })}\n${formatResponse(event.response)}`);
    });
    const stray = (label: string) => (event: UncorrelatedEvent): void => {
      const response = event.frame.response;
      if (event.kind === 'response' && response != null && !isHit(response)) this.#say(`${label}\n${renderResponse(response)}`);
    };
    client.on('late', stray('LATE ANSWER (AFTER THE DEADLINE):'));
    client.on('uncorrelated', stray('ANSWER TO NO REQUEST OF THIS SESSION:'));
    client.on('close', (event) => {
      if (this.#leaving || this.#session === undefined) return;
      if (event.willReconnect) {
        this.#say(`CONNECTION LOST (${event.error.message}): RECONNECTING`);
        return;
      }
      if (event.error.code === 'CLETS_ERR_REAUTH_REQUIRED') {
        // Once the close has run its course in the client (it is idle again).
        setImmediate(() => void this.#reauthenticate());
        return;
      }
      this.#say(`CONNECTION CLOSED: ${event.error.message}`);
      void this.#end(EXIT.CONNECTION);
    });
    client.on('reconnected', (event) => {
      this.#session = event.login;
      this.#say(`RECONNECTED: ${renderLogin(event.login)}`);
      this.#updatePrompt();
    });
    client.on('error', (error) => {
      if (this.#session === undefined || this.#leaving) return;
      this.#say(`ERROR: ${error.message}`);
      // A reconnect that gave up (or was refused) leaves no session to go on with.
      if (this.#client.state === 'idle') void this.#end(EXIT.CONNECTION);
    });
  }

  #onAdminMessage(message: AdminMessage): void {
    // Before the login is through, an AM can only be stored traffic (delivered at login).
    const stored = this.#session === undefined || this.#storedToHold > 0;
    if (stored || this.#hold) {
      if (this.#session !== undefined && this.#storedToHold > 0) this.#storedToHold -= 1;
      this.#held.push(message);
      if (stored) {
        this.#updatePrompt();
        return;
      }
      const origin = message.header?.ori || '?';
      this.#console.print(`AM FROM ${origin} HELD${message.officerSafety ? ' (OFFICER SAFETY)' : ''}: ${this.#held.length} WAITING, TYPE msgs`, { prompt: this.#promptText() });
      return;
    }
    this.#say(renderAdminMessage(message));
  }

  // --- what the operator types -----------------------------------------------------------------

  #onLine(raw: string): void {
    this.#interruptedOnce = false;
    const line = raw.trim();
    if (line === '') {
      this.#console.prompt();
      return;
    }
    const [first = '', ...rest] = line.split(/\s+/);
    const word = first.toLowerCase();
    if (COMMANDS.has(word)) {
      void this.#command(word, rest);
      return;
    }
    if (!line.includes('.')) {
      this.#say(`${first.slice(0, 20)}: not a command, and a transaction has periods: QW.CA0190000.NAM/DOE,JOHN.DOB/19800115... Type help.`);
      this.#console.prompt();
      return;
    }
    void this.#transaction(raw);
  }

  async #command(word: string, args: readonly string[]): Promise<void> {
    switch (word) {
      case 'help':
        this.#say(args[0] === undefined ? `${COMMANDS_HELP}\n\nMessage keys:\n${describeCatalogue()}` : this.#describe(args[0]));
        break;
      case 'form':
        await this.#form(args[0]);
        return;
      case 'msgs':
        this.#showHeld();
        break;
      case 'hold':
        this.#setHold(args[0]);
        break;
      case 'history':
        this.#say(this.#sent.length === 0 ? 'NOTHING SENT YET' : this.#sent.map((sent, index) => `${String(index + 1).padStart(3)}  ${sent}`).join('\n'));
        break;
      case 'status':
        this.#say(this.#status());
        break;
      case 'yq':
        this.#say(await this.#hitConfirmation(args[0]));
        break;
      case 'log':
        await this.#log(args);
        break;
      case 'print':
        await this.#print(args[0]);
        break;
      case 'save':
        await this.#save(args);
        break;
      default:
        await this.#leave(EXIT.OK);
        return;
    }
    this.#console.prompt();
  }

  /**
   * The YQ lines of every confirmable hit of answer ISN, to edit and send (NCIC: confirm
   * before acting on a hit): from this session's answers, else from the message log the
   * switch keeps (an answer of an earlier session, or `#N`, an entry of the log).
   */
  async #hitConfirmation(ref: string | undefined): Promise<string> {
    if (parseMessageRef(ref) === undefined) return 'yq needs the ISN of an answer (yq 12) or an entry of the message log (yq #345)';
    const result = ref !== undefined && !ref.startsWith('#') ? this.#answers.get(Number(ref)) : undefined;
    let records: ResponseRecord[];
    if (result !== undefined) {
      records = result.responses.flatMap((response) => response.records ?? []).filter((record) => record.status === HitStatus.HIT_STATUS_HIT);
    } else {
      const recalled = await this.#recall(ref!);
      if (typeof recalled === 'string') return recalled;
      records = recalledHits(recalled);
    }
    const ori = this.#session?.ori ?? '';
    const lines = records.map((record) => hitConfirmationLine(record, { ori })).filter((line): line is string => line !== undefined);
    const unique = [...new Set(lines)];
    return unique.length === 0 ? `${ref}: NO HIT TO CONFIRM BY YQ` : `EDIT AND SEND:\n${unique.join('\n')}`;
  }

  // --- the message log (kept by the switch) -----------------------------------------------------

  /** Asks the switch for a page or an exchange of the operator's log: its answer, or what went wrong in words. */
  async #readLog(request: LogRequest): Promise<Response | string> {
    const pending = this.#client.send(logTransaction(request, this.#session?.ori ?? ''), { timeoutMs: this.#settings.timeoutMs });
    this.#inFlight.add(pending);
    try {
      const result = await pending;
      if (result.outcome === 'rejected') return renderReject(result.rejected);
      const response = result.responses[0];
      if (response === undefined) return result.rejects[0] !== undefined ? renderReject(result.rejects[0]) : 'THE MESSAGE LOG DID NOT ANSWER';
      return response;
    } catch (error) {
      return `MESSAGE LOG NOT READ: ${toCletsError(error).message}`;
    } finally {
      this.#inFlight.delete(pending);
    }
  }

  /** An exchange recalled from the log: the answer, or in words why there is none. */
  async #recall(ref: string): Promise<Response | string> {
    const response = await this.#readLog({ kind: 'recall', ref });
    if (typeof response !== 'string' && response.status === HitStatus.HIT_STATUS_NO_RECORD) return response.text || `${ref}: NOT IN YOUR MESSAGE LOG`;
    return response;
  }

  async #log(args: readonly string[]): Promise<void> {
    let request: LogRequest;
    try {
      request = parseLogCommand(args, this.#lastListing);
    } catch (error) {
      this.#say((error as Error).message);
      return;
    }
    const response = await this.#readLog(request);
    if (typeof response === 'string') {
      this.#say(response);
      return;
    }
    if (request.kind === 'list') this.#lastListing = request;
    this.#say(response.text ?? '');
  }

  async #print(ref: string | undefined): Promise<void> {
    if (parseMessageRef(ref) === undefined) {
      this.#say('print needs the ISN of one of your transactions (print 12) or an entry of the message log (print #345)');
      return;
    }
    const response = await this.#recall(ref!);
    this.#say(typeof response === 'string' ? response : printout(response, this.#extract(ref!)));
  }

  /** `save REF FILE [--force]`: the file is created readable by its owner only (CJI at rest). */
  async #save(args: readonly string[]): Promise<void> {
    const force = args.includes('--force');
    const [ref, file, ...extra] = args.filter((arg) => arg !== '--force');
    if (parseMessageRef(ref) === undefined || file === undefined || extra.length > 0) {
      this.#say('save needs a message and a file: save 12 case-26-004410.txt (save #345 FILE for an entry of the log; --force replaces a file)');
      return;
    }
    const response = await this.#recall(ref!);
    if (typeof response === 'string') {
      this.#say(`NOT SAVED: ${response}`);
      return;
    }
    const text = caseFileText(response, this.#extract(ref!));
    try {
      await writeFile(file, text, { flag: force ? 'w' : 'wx', mode: 0o600 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.#say(code === 'EEXIST' ? `NOT SAVED: ${file} EXISTS (save ${ref} ${file} --force TO REPLACE IT)` : `NOT SAVED: ${(error as Error).message}`);
      return;
    }
    this.#say(`SAVED ${ref!.startsWith('#') ? `LNO/${ref!.slice(1)}` : `ISN/${ref}`} TO ${file} (${Buffer.byteLength(text)} BYTES)`);
  }

  #extract(ref: string): Extract {
    const session = this.#session;
    return { ref, operatorId: session?.operatorId ?? '', terminal: session?.terminal ?? '', ori: session?.ori ?? '', at: Date.now() };
  }

  #describe(key: string): string {
    try {
      return describeKey(key);
    } catch (error) {
      return toCletsError(error).message;
    }
  }

  #showHeld(): void {
    if (this.#held.length === 0) {
      this.#say('NO MESSAGES WAITING');
      return;
    }
    const messages = this.#held.splice(0);
    this.#console.print(messages.map(renderAdminMessage).join('\n\n'), { prompt: this.#promptText() });
  }

  #setHold(value: string | undefined): void {
    const setting = value?.toLowerCase();
    if (setting !== 'on' && setting !== 'off') {
      this.#say(`HOLD IS ${this.#hold ? 'ON' : 'OFF'}: type hold on or hold off`);
      return;
    }
    this.#hold = setting === 'on';
    const waiting = this.#held.length > 0 ? `; ${this.#held.length} WAITING, TYPE msgs` : '';
    this.#say(this.#hold ? 'INCOMING AMS ARE HELD; TYPE msgs TO READ THEM' : `INCOMING AMS ARE PRINTED AS THEY ARRIVE${waiting}`);
  }

  #status(): string {
    const session = this.#session;
    const stats = this.#client.stats;
    return [
      renderLogin(session ?? {}),
      `SWITCH ${this.#settings.url} STATE ${this.#client.state.toUpperCase()}`,
      `SENT ${stats.sent}, COMPLETED ${stats.completed}, REJECTED ${stats.rejected}, TIMED OUT ${stats.timedOut}, IN FLIGHT ${this.#client.inFlight}`,
      `AMS HELD ${this.#held.length}, HOLD ${this.#hold ? 'ON' : 'OFF'}`,
    ].join('\n');
  }

  async #form(key: string | undefined): Promise<void> {
    if (key === undefined) {
      this.#say('form needs a message key: form QW (type help for the keys)');
      this.#console.prompt();
      return;
    }
    try {
      const { line } = await runForm(key, (question, options) => this.#console.ask(question, options), {
        ori: this.#session?.ori || '', operatorId: this.#session?.operatorId || undefined, say: (text) => this.#say(text),
      });
      this.#say('LINE BUILT: PRESS Enter TO SEND IT, OR EDIT IT FIRST');
      this.#console.prompt();
      this.#console.prefill(line);
    } catch (error) {
      if (error instanceof InputClosed) return;
      this.#say(error instanceof InputCancelled ? 'FORM ABANDONED' : toCletsError(error).message);
      this.#console.prompt();
    }
  }

  /** Checks, completes the route-to if need be, sends; the prompt comes back at once. */
  async #transaction(raw: string): Promise<void> {
    const check = checkLine(raw);
    let line = raw.trim();
    let transaction: Transaction;
    if (check.ok) {
      transaction = check.transaction;
    } else if (check.transaction !== undefined && isRouteToGap(check.error)) {
      try {
        ({ line, transaction } = await completeRouteTo(check.transaction, (question, options) => this.#console.ask(question, options), {
          operatorId: this.#session?.operatorId || undefined, say: (text) => this.#say(text),
        }));
      } catch (error) {
        if (error instanceof InputClosed) return;
        this.#say(error instanceof InputCancelled ? 'ABANDONED: NOT SENT' : toCletsError(error).message);
        this.#console.prompt();
        return;
      }
      this.#say(`SENDING ${line}`);
    } else {
      this.#say(formatLocalError(raw, check.error));
      this.#console.prompt();
      return;
    }

    this.#sent.push(line);
    let rang = false;
    const pending = this.#client.send(transaction, {
      timeoutMs: this.#settings.timeoutMs,
      onProgress: (progress) => {
        const bell = this.#bell && !rang;
        if (progress.kind === 'response' && isHit(progress.response)) rang = true;
        this.#say(renderProgress(progress, { bell }));
      },
    });
    this.#inFlight.add(pending);
    this.#console.prompt();
    try {
      this.#showResult(await pending);
    } catch (error) {
      this.#say(`NOT ANSWERED: ${toCletsError(error).message}`);
    } finally {
      this.#inFlight.delete(pending);
    }
  }

  #showResult(result: TransactionResult): void {
    const isn = result.receipt?.header?.inputSeq ?? 0;
    if (isn > 0) {
      this.#answers.set(isn, result);
      if (this.#answers.size > ANSWERS_KEPT) this.#answers.delete(this.#answers.keys().next().value as number);
    }
    this.#say(result.outcome === 'rejected' ? renderReject(result.rejected) : renderEnd(result));
  }

  #onInterrupt(): void {
    if (this.#interruptedOnce) {
      void this.#leave(EXIT.OK);
      return;
    }
    this.#interruptedOnce = true;
    this.#say('(TO LOG OUT TYPE exit OR PRESS Ctrl-D; Ctrl-C AGAIN LOGS OUT)');
  }

  /**
   * CJIS re-authentication (at least every 12 hours): the switch closed the session with
   * 4011. The operator logs in again, banner included; a password that was typed is typed
   * again, one from the environment or the file is used again.
   */
  async #reauthenticate(): Promise<void> {
    const operator = this.#session?.operatorId || this.#settings.operator;
    this.#session = undefined;
    this.#heldBeforeLogin = this.#held.length;
    this.#say('THE SESSION MUST RE-AUTHENTICATE: LOG IN AGAIN');
    try {
      this.#session = await logIn(this.#client, {
        operator, password: this.#secrets.password, totpSecret: this.#secrets.totpSecret, acceptBanner: this.#settings.acceptBanner,
      }, { say: (text) => this.#say(text), ask: (question, options) => this.#console.ask(question, options) });
    } catch (error) {
      if (error instanceof InputClosed) return;
      this.#say(`LOGIN FAILED: ${toCletsError(error).message}`);
      void this.#end(EXIT.CONNECTION);
      return;
    }
    this.#loggedIn(this.#session);
    this.#updatePrompt();
    this.#console.prompt();
  }

  // --- leaving ---------------------------------------------------------------------------------

  /** Logs out: transactions in flight get their answers first (up to their deadline). */
  async #leave(code: ExitCode): Promise<void> {
    if (this.#leaving) return;
    this.#leaving = true;
    if (this.#inFlight.size > 0) {
      this.#say(`WAITING FOR ${this.#inFlight.size} TRANSACTION${this.#inFlight.size === 1 ? '' : 'S'} IN FLIGHT`);
      await Promise.allSettled([...this.#inFlight]);
    }
    try {
      await this.#client.logout('operator logout');
    } catch {
      // Gone already: nothing to log out of.
    }
    await this.#client.close();
    this.#say('LOGGED OUT');
    this.#console.close();
    this.#finish(code);
  }

  /** The session is over without the operator leaving (connection closed for good). */
  async #end(code: ExitCode): Promise<void> {
    if (this.#leaving) return;
    this.#leaving = true;
    await this.#client.close();
    this.#console.close();
    this.#finish(code);
  }
}
