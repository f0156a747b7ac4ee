/**
 * Scripted use: the lines of --exec and --script sent one after another, each checked
 * locally first, each outcome reported as terminal text or one JSON object, and one exit
 * status for the run (exit-codes.ts). runTransactions works on anything that can send (a
 * TerminalClient, or a stub in a test); runBatch wires the real client, the login and the
 * output.
 */
import { readFile } from 'node:fs/promises';
import { toCletsError, type CletsError, type Field, type ResponseRecord } from '@clets/protocol';
import type { SendOptions, TerminalClient, TransactionInput, TransactionResult } from '../index.js';
import type { Ask } from './ask.js';
import type { CliSecrets, CliSettings } from './args.js';
import { checkLine, formatLocalError } from './check.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { logIn } from './login.js';
import {
  hitStatusName, renderAdminMessage, renderDeliveryReport, renderHitConfirmationRequest, renderHitConfirmationResponse,
  renderLogin, renderReject, renderResponse, renderResult, renderStatusMessage,
} from './render.js';

/** One transaction line and where it came from. */
export interface ScriptLine {
  readonly text: string;
  /** `--exec 2` or `patrol.txt:14`, for messages. */
  readonly source: string;
}

/**
 * How one transaction ended. answered: every system answered (a no-record is an answer).
 * queued: accepted, a system is down and the message waits for it (.02.). partial: some
 * system failed or timed out. rejected: refused, by the local check (never sent) or the
 * switch. error: no answer (deadline, connection). skipped: not sent, the connection was gone.
 */
export type Outcome = 'answered' | 'queued' | 'partial' | 'rejected' | 'error' | 'skipped';

export interface RejectReport {
  readonly code: string;
  readonly wireCode: number;
  readonly reason: string;
  readonly field: string | null;
  readonly position: number | null;
  readonly system: string | null;
}

/** The --json object of one transaction. */
export interface TransactionReport {
  /** 1-based order in the run. */
  readonly index: number;
  readonly source: string;
  /** The line as typed. */
  readonly line: string;
  readonly outcome: Outcome;
  /** Some response carries the HIT flag. */
  readonly hit: boolean;
  readonly messageKey: string | null;
  readonly clientMessageId: string | null;
  readonly control: string | null;
  /** The switch's input sequence number, from the receipt. */
  readonly inputSeq: number | null;
  /** When the switch received it (UTC, ISO 8601), from the receipt. */
  readonly receivedAt: string | null;
  readonly queued: readonly { readonly system: string; readonly expiresAt: string | null; readonly text: string }[];
  readonly responses: readonly ResponseReport[];
  /** Systems of the fan-out that failed after the receipt. */
  readonly rejects: readonly RejectReport[];
  /** The refusal of the whole transaction: by the local check ('terminal') or the switch. */
  readonly rejected: (RejectReport & { readonly by: 'terminal' | 'switch'; readonly echo: string | null }) | null;
  readonly completion: { readonly answered: readonly string[]; readonly failed: readonly string[]; readonly inputSeq: number } | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly durationMs: number | null;
}

export interface ResponseReport {
  readonly system: string;
  readonly responseKey: string;
  readonly status: ReturnType<typeof hitStatusName>;
  readonly hit: boolean;
  readonly text: string;
  readonly records: readonly {
    readonly status: ReturnType<typeof hitStatusName>;
    readonly system: string;
    readonly file: string;
    readonly recordId: string;
    readonly enteringOri: string;
    readonly source: string;
    readonly fields: readonly { readonly tag: string; readonly value: string }[];
    readonly text: string;
  }[];
}

/** What a report was made from, for the text output. */
export interface ReportDetail {
  readonly result?: TransactionResult;
  /** The local check's refusal (never sent). */
  readonly localError?: CletsError;
}

/** What runTransactions needs from a TerminalClient. */
export interface TransactionSender {
  readonly state: string;
  send(input: TransactionInput, options?: SendOptions): Promise<TransactionResult>;
}

/** Script text to lines: one transaction a line; blank lines and lines starting with # skipped. */
export function scriptLines(text: string, name: string): ScriptLine[] {
  const lines: ScriptLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    lines.push({ text: line, source: `${name}:${index + 1}` });
  });
  return lines;
}

/** The run's lines: every --exec in order, then the script's. Throws when the script cannot be read. */
export async function collectLines(settings: Pick<CliSettings, 'exec' | 'script'>, readStdin: () => Promise<string>): Promise<ScriptLine[]> {
  const lines: ScriptLine[] = settings.exec.map((text, index) => ({ text: text.trim(), source: `--exec ${index + 1}` }));
  if (settings.script !== undefined) {
    const name = settings.script === '-' ? 'stdin' : settings.script;
    let text: string;
    try {
      text = settings.script === '-' ? await readStdin() : await readFile(settings.script, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(`--script ${settings.script}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error)}`);
    }
    lines.push(...scriptLines(text, name));
  }
  return lines;
}

/**
 * Sends the lines one after another, each checked locally first; a refused line is reported
 * and the run goes on. When the connection is lost the rest are reported as skipped.
 */
export async function runTransactions(
  sender: TransactionSender,
  lines: readonly ScriptLine[],
  options: { readonly timeoutMs: number; readonly onReport?: (report: TransactionReport, detail: ReportDetail) => void },
): Promise<{ reports: TransactionReport[]; connectionLost: boolean }> {
  const reports: TransactionReport[] = [];
  let connectionLost = false;
  const emit = (report: TransactionReport, detail: ReportDetail = {}): void => {
    reports.push(report);
    options.onReport?.(report, detail);
  };
  for (const [position, line] of lines.entries()) {
    const base = { index: position + 1, source: line.source, line: line.text };
    if (connectionLost || sender.state !== 'ready') {
      connectionLost = true;
      emit(errorReport(base, 'skipped', { code: 'CLETS_ERR_SYSTEM_UNAVAILABLE', message: 'not sent: the connection to the switch was lost' }));
      continue;
    }
    const check = checkLine(line.text);
    if (!check.ok) {
      emit(localRejectReport(base, check.error, check.transaction?.header?.messageKey ?? null), { localError: check.error });
      continue;
    }
    try {
      const result = await sender.send(check.transaction, { timeoutMs: options.timeoutMs });
      emit(resultReport(base, result), { result });
    } catch (error) {
      const failure = toCletsError(error);
      emit(errorReport({ ...base, messageKey: check.transaction.header?.messageKey ?? null }, 'error', { code: failure.code, message: failure.message }));
      if (sender.state !== 'ready') connectionLost = true;
    }
  }
  return { reports, connectionLost };
}

/** 0 all answered (or queued), 3 the connection was lost, 1 anything else went wrong. */
export function exitCodeFor(reports: readonly TransactionReport[], connectionLost: boolean): ExitCode {
  if (connectionLost) return EXIT.CONNECTION;
  return reports.every((report) => report.outcome === 'answered' || report.outcome === 'queued') ? EXIT.OK : EXIT.REJECTED;
}

// --- reports ----------------------------------------------------------------------------------

type Base = Pick<TransactionReport, 'index' | 'source' | 'line'> & { readonly messageKey?: string | null };

/** A report with every key, in the documented order (JSON readers see a stable shape). */
function report(base: Base, outcome: Outcome, parts: Partial<Omit<TransactionReport, 'index' | 'source' | 'line' | 'outcome'>>): TransactionReport {
  return {
    index: base.index,
    source: base.source,
    line: base.line,
    outcome,
    messageKey: parts.messageKey ?? base.messageKey ?? null,
    hit: parts.hit ?? false,
    clientMessageId: parts.clientMessageId ?? null,
    control: parts.control ?? null,
    inputSeq: parts.inputSeq ?? null,
    receivedAt: parts.receivedAt ?? null,
    queued: parts.queued ?? [],
    responses: parts.responses ?? [],
    rejects: parts.rejects ?? [],
    rejected: parts.rejected ?? null,
    completion: parts.completion ?? null,
    error: parts.error ?? null,
    durationMs: parts.durationMs ?? null,
  };
}

function errorReport(base: Base, outcome: 'error' | 'skipped', error: { code: string; message: string }): TransactionReport {
  return report(base, outcome, { error });
}

function localRejectReport(base: Base, error: CletsError, messageKey: string | null): TransactionReport {
  return report(base, 'rejected', {
    messageKey,
    rejected: {
      by: 'terminal', code: error.code, wireCode: error.wireCode, reason: error.message,
      field: error.field ?? null, position: error.position ?? null, system: null, echo: base.line,
    },
  });
}

/** A transaction's result as its report. */
export function resultReport(base: Base, result: TransactionResult): TransactionReport {
  const header = result.receipt?.header;
  const common = {
    messageKey: result.transaction.header?.messageKey ?? base.messageKey ?? null,
    hit: result.hit,
    clientMessageId: result.clientMessageId,
    control: result.control,
    durationMs: Math.round(result.durationMs),
    queued: result.queued.map((notice) => ({
      system: notice.system ?? '', expiresAt: Number(notice.expiresAtMs ?? 0) > 0 ? new Date(Number(notice.expiresAtMs)).toISOString() : null, text: notice.text ?? '',
    })),
    responses: result.responses.map((response): ResponseReport => ({
      system: response.system ?? '',
      responseKey: response.responseKey ?? '',
      status: hitStatusName(response.status),
      hit: hitStatusName(response.status) === 'HIT',
      text: response.text ?? '',
      records: (response.records ?? []).map(recordReport),
    })),
    rejects: result.rejects.map(rejectReport),
  };
  if (result.outcome === 'rejected') {
    return report(base, 'rejected', { ...common, rejected: { ...rejectReport(result.rejected), by: 'switch', echo: result.rejected.echo || null } });
  }
  const failed = result.completion.failed ?? [];
  const outcome: Outcome = failed.length > 0 || result.rejects.length > 0 ? 'partial' : result.queued.length > 0 ? 'queued' : 'answered';
  const inputSeq = Number(header?.inputSeq ?? 0) || Number(result.completion.inputSeq ?? 0);
  return report(base, outcome, {
    ...common,
    inputSeq: inputSeq > 0 ? inputSeq : null,
    receivedAt: Number(header?.receivedAtMs ?? 0) > 0 ? new Date(Number(header?.receivedAtMs)).toISOString() : null,
    completion: { answered: [...(result.completion.answered ?? [])], failed: [...failed], inputSeq: Number(result.completion.inputSeq ?? 0) },
  });
}

function recordReport(record: ResponseRecord): ResponseReport['records'][number] {
  return {
    status: hitStatusName(record.status),
    system: record.system ?? '',
    file: record.file ?? '',
    recordId: record.recordId ?? '',
    enteringOri: record.enteringOri ?? '',
    source: record.source ?? '',
    fields: (record.fields ?? []).map((field: Field) => ({ tag: field.tag ?? '', value: field.value ?? '' })),
    text: record.text ?? '',
  };
}

function rejectReport(reject: { code?: string | null; wireCode?: number | null; reason?: string | null; field?: string | null; position?: number | null; system?: string | null }): RejectReport {
  return {
    code: reject.code ?? '',
    wireCode: reject.wireCode ?? 0,
    reason: reject.reason ?? '',
    field: reject.field || null,
    position: reject.position || null,
    system: reject.system || null,
  };
}

// --- the run ------------------------------------------------------------------------------------

export interface BatchRun {
  readonly settings: CliSettings;
  readonly secrets: CliSecrets;
  readonly lines: readonly ScriptLine[];
  readonly client: TerminalClient;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Asks for a missing password or code on the terminal; undefined when there is none. */
  readonly ask: Ask | undefined;
  /** Ring the bell on hits (standard output is a terminal). */
  readonly bell: boolean;
}

/**
 * Logs in, runs the lines, logs out. Results go to standard output (text or JSON); the
 * banner, the login, and in JSON mode the traffic nobody asked for, go to standard error.
 */
export async function runBatch(run: BatchRun): Promise<ExitCode> {
  const { settings, client, stdout, stderr } = run;
  const note = (text: string): void => {
    stderr.write(`${text}\n`);
  };
  // Text output is a transcript: traffic that comes while a transaction is answered (its
  // delivery report, an AM) is written after that transaction's block, not inside it.
  const held: string[] = [];
  const traffic = (text: string): void => {
    if (settings.json) stderr.write(`${text}\n\n`);
    else held.push(`${text}\n\n`);
  };
  const flushTraffic = (): void => {
    for (const text of held.splice(0)) stdout.write(text);
  };
  client.on('adminMessage', (message) => traffic(renderAdminMessage(message)));
  client.on('statusMessage', (message) => traffic(renderStatusMessage(message)));
  client.on('hitConfirmationRequest', (request) => traffic(renderHitConfirmationRequest(request, { bell: run.bell })));
  client.on('hitConfirmationResponse', (response) => traffic(renderHitConfirmationResponse(response)));
  client.on('deliveryReport', (report) => traffic(renderDeliveryReport(report)));
  client.on('sessionReject', (reject) => traffic(renderReject(reject)));
  client.on('late', (event) => {
    if (event.kind === 'response' && event.frame.response) traffic(`LATE ANSWER (AFTER THE DEADLINE):\n${renderResponse(event.frame.response)}`);
  });

  note(`CONNECTING TO ${settings.url} AS TERMINAL ${settings.terminal}`);
  let prompt: string;
  try {
    const login = await logIn(client, {
      operator: settings.operator, password: run.secrets.password, totpSecret: run.secrets.totpSecret, acceptBanner: settings.acceptBanner,
    }, { say: note, ask: run.ask });
    note(renderLogin(login));
    prompt = `${login.operatorId || settings.operator || '?'}@${login.terminal || settings.terminal} ${login.ori || '?'}> `;
  } catch (error) {
    note(`LOGIN FAILED: ${toCletsError(error).message}`);
    await client.close();
    flushTraffic();
    return EXIT.CONNECTION;
  }
  // Stored traffic delivered at login comes first.
  await new Promise((resolve) => setImmediate(resolve));
  flushTraffic();

  const { reports, connectionLost } = await runTransactions(client, run.lines, {
    timeoutMs: settings.timeoutMs,
    onReport: (report, detail) => {
      if (settings.json) {
        stdout.write(`${JSON.stringify(report)}\n`);
        return;
      }
      stdout.write(`${prompt}${report.line}\n${reportText(report, detail, run.bell)}\n\n`);
      flushTraffic();
    },
  });
  try {
    await client.logout('end of script');
  } catch {
    // Already gone: the exit status says so.
  }
  await client.close();
  flushTraffic();
  const code = exitCodeFor(reports, connectionLost);
  const counts = new Map<Outcome, number>();
  for (const report of reports) counts.set(report.outcome, (counts.get(report.outcome) ?? 0) + 1);
  note(`${reports.length} TRANSACTION${reports.length === 1 ? '' : 'S'}: ${[...counts].map(([outcome, count]) => `${count} ${outcome.toUpperCase()}`).join(', ') || 'NONE'}; EXIT ${code}`);
  return code;
}

function reportText(report: TransactionReport, detail: ReportDetail, bell: boolean): string {
  if (detail.result !== undefined) return renderResult(detail.result, { bell });
  if (detail.localError !== undefined) return formatLocalError(report.line, detail.localError);
  return `${report.outcome === 'skipped' ? 'NOT SENT' : 'NOT ANSWERED'}: ${report.error?.message ?? 'unknown error'}`;
}
