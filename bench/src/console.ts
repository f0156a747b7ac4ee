/**
 * Scenario: the coordinator's console (packages/console) against its two budgets, in a real
 * Chromium (Debian's `chromium`, driven by playwright-core as the browser tests do).
 *
 * 1. First load: the JavaScript the browser receives for `/console/` on an empty cache,
 *    counted as served (gzip-compressed bytes on the wire, the resource timing's
 *    encodedBodySize), and again read raw over HTTP to see the switch compressed it.
 * 2. Audit search: an audit log filled as `audit-search.ts` fills it (the same generator,
 *    through the store, chained and indexed as the switch writes), a county switch started
 *    on that database, an administrator logged in at the page with password and TOTP, then
 *    subject searches typed into the page's form. Each is timed in the page from the click
 *    on Search (the request leaves) to the results table painted: the table is in the
 *    document and the busy state cleared, then the next frame has been drawn. The request's
 *    own share (resource timing: request start to the last byte of the answer) is kept
 *    beside it. Operator searches (a table of a hundred rows and more) are measured too.
 *
 * The check: each searched look-up's row is in the table; the first load's scripts were
 * served gzip-compressed; nothing was refused.
 *
 *   tsx bench/src/console.ts [--full] [--rows N]
 * Short: 200,000 rows, 20 subject searches. Full: 1,000,000 rows, 60 subject searches.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { totpCode } from '@clets/protocol';
import { loadFixtures } from '@clets/fixtures';
import { FILL_BATCH, fill, queryOf, type Fill } from './audit-search.js';
import { startBenchNetwork, type BenchNetwork } from './bench-network.js';
import { openAuditStore } from './internals.js';
import { figure, round, startScenario, stderrLog, writeResult, type Check, type ScenarioOptions, type ScenarioResult } from './results.js';

const FIRST_LOAD_TARGET_KB = 250;
const SEARCH_TARGET_MS = 300;
const SHORT = { rows: 200_000, searches: 20, operatorSearches: 5 } as const;
const FULL = { rows: 1_000_000, searches: 60, operatorSearches: 15 } as const;
/** Searches before the measured ones: the switch's page cache and the page's first render. */
const WARM_UP = 3;
const CHROMIUM = process.env['CLETS_CHROMIUM'] ?? '/usr/bin/chromium';
/** The browser tests' flags (packages/e2e/src/console-browser.test.ts): no network of its own, no GPU. */
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
/** The switch administrator of the fixtures: every row of the switch is in scope. */
const ADMINISTRATOR = 'OP1010';
/** The page's subject fields, by the names its form gives them (packages/console/src/page/audit.tsx). */
const FORM_FIELDS = ['name', 'dob', 'plate', 'vin', 'oln', 'state', 'operatorId'] as const;

interface ScriptLoad {
  readonly url: string;
  readonly encodedBytes: number;
  readonly decodedBytes: number;
}

/**
 * The scripts and style sheets the page has loaded so far, as the browser counted them. The
 * in-page code is a string: it runs in the browser, not under the bench's compiler.
 */
const LOADED_ASSETS = `(() => {
  const entries = performance.getEntriesByType('resource');
  const of = (suffix) => entries.filter((entry) => new URL(entry.name).pathname.endsWith(suffix))
    .map((entry) => ({ url: new URL(entry.name).pathname, encodedBytes: entry.encodedBodySize, decodedBytes: entry.decodedBodySize }));
  return { scripts: of('.js'), styles: of('.css') };
})()`;

async function loadedAssets(page: Page): Promise<{ scripts: ScriptLoad[]; styles: ScriptLoad[] }> {
  return page.evaluate(LOADED_ASSETS) as Promise<{ scripts: ScriptLoad[]; styles: ScriptLoad[] }>;
}

/** GET with gzip accepted, the body as it came over the socket (node's fetch would inflate it). */
function rawGet(url: string): Promise<{ status: number; encoding: string | undefined; bytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, encoding: response.headers['content-encoding'], bytes: body.length, body });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

interface TimedSearch {
  /** Click on Search to the table painted. */
  readonly paintedMs: number;
  /** Click on Search to the table in the document (busy state cleared). */
  readonly renderedMs: number;
  /** The request alone: its start to the answer's last byte. */
  readonly requestMs: number;
  readonly rows: number;
  readonly seqs: readonly number[];
  readonly refusal: string | null;
}

/**
 * Clicks Search and resolves when the table is painted: the busy state (the button disabled)
 * seen and cleared, the table in the document, then one animation frame and a task.
 */
const TIMED_SEARCH = `new Promise((resolve, reject) => {
  const form = document.querySelector('form.search');
  const button = form === null ? null : form.querySelector('button[type="submit"]');
  if (button === null) {
    reject(new Error('no search form on the page'));
    return;
  }
  performance.clearResourceTimings();
  let sawBusy = false;
  let settled = false;
  let started = 0;
  const observer = new MutationObserver(() => {
    if (settled) return;
    if (button.disabled) {
      sawBusy = true;
      return;
    }
    if (!sawBusy) return;
    settled = true;
    observer.disconnect();
    clearTimeout(timer);
    const renderedMs = performance.now() - started;
    const alert = document.querySelector('[role="alert"]');
    const rows = [...document.querySelectorAll('table.results tbody tr')];
    const seqs = rows.map((row) => Number(row.lastElementChild === null ? NaN : row.lastElementChild.textContent));
    const timing = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/v1/audit/search')).at(-1);
    requestAnimationFrame(() => setTimeout(() => resolve({
      paintedMs: performance.now() - started, renderedMs,
      requestMs: timing === undefined ? NaN : timing.responseEnd - timing.startTime,
      rows: rows.length, seqs, refusal: alert === null ? null : alert.textContent,
    }), 0));
  });
  const timer = setTimeout(() => {
    observer.disconnect();
    reject(new Error('the search did not finish within 20 s'));
  }, 20000);
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  started = performance.now();
  button.click();
})`;

/** Types a search into the page's form and times it, in the page. */
async function timedSearch(page: Page, fields: Partial<Record<(typeof FORM_FIELDS)[number], string>>): Promise<TimedSearch> {
  for (const name of FORM_FIELDS) await page.locator(`form.search input[name="${name}"]`).fill(fields[name] ?? '');
  return page.evaluate(TIMED_SEARCH) as Promise<TimedSearch>;
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

function summary(values: readonly number[]): { p50: number; p95: number; max: number; count: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 0.5), 1), p95: round(percentile(sorted, 0.95), 1), max: round(sorted.at(-1) ?? Number.NaN, 1), count: sorted.length };
}

/** Subjects the page's form can search (no gun serial field), in a fixed order. */
function pickSubjects(sample: Fill['sample'], count: number): Fill['sample'] {
  const usable = sample.filter((entry) => entry.subject.kind !== 'serial');
  const picked: Fill['sample'] = [];
  // Evenly through the sample (which is in log order): old and recent look-ups alike.
  for (let index = 0; index < count && usable.length > 0; index += 1) picked.push(usable[Math.floor((index * usable.length) / count)]!);
  return picked;
}

export async function run(options: ScenarioOptions & { rows?: number }): Promise<ScenarioResult> {
  const log = options.log ?? stderrLog('console');
  const scenario = startScenario('console', 'The console: first load\'s JavaScript, audit search rendered in Chromium', options);
  const plan = options.mode === 'full' ? FULL : SHORT;
  const rows = options.rows ?? plan.rows;
  const fixtures = await loadFixtures();
  const administrator = fixtures.operators.find((operator) => operator.id === ADMINISTRATOR);
  if (administrator === undefined) throw new Error(`no operator ${ADMINISTRATOR} in the fixtures`);

  const dir = mkdtempSync(join(tmpdir(), 'clets-bench-console-'));
  const path = join(dir, 'audit.db');
  let network: BenchNetwork | undefined;
  let browser: Browser | undefined;
  try {
    // The fill is not measured: the same settings as audit-search.ts.
    const writer = openAuditStore({ path, synchronous: 'NORMAL', batchMaxRows: FILL_BATCH, checkpointRestartFrames: 16_384 });
    writer.connection.pragma('cache_size = -1000000');
    log(`filling ${rows} rows into ${path}`);
    const filled = await fill(writer, rows, log);
    await writer.close();
    const bytes = statSync(path).size;
    log(`filled ${filled.rows} rows in ${round(filled.seconds)} s, ${round(bytes / 2 ** 20)} MiB`);

    network = await startBenchNetwork({ scenario: 'console', profile: false, switchConfig: { audit: { path } } });
    const consoleUrl = `${network.network.httpUrl}/console/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    // 1. First load, empty cache: the login page and everything it loads.
    await page.goto(consoleUrl, { waitUntil: 'load' });
    await page.getByLabel('Operator id').waitFor();
    const firstLoad = await loadedAssets(page);
    const html = await rawGet(consoleUrl);
    const served = await Promise.all([...html.body.toString('utf8').matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map(async ([, src]) => {
      const answer = await rawGet(new URL(src!, consoleUrl).href);
      return { url: src!, status: answer.status, encoding: answer.encoding, bytes: answer.bytes };
    }));
    const firstLoadEncoded = firstLoad.scripts.reduce((sum, script) => sum + script.encodedBytes, 0);
    const firstLoadDecoded = firstLoad.scripts.reduce((sum, script) => sum + script.decodedBytes, 0);
    const stylesEncoded = firstLoad.styles.reduce((sum, style) => sum + style.encodedBytes, 0);
    log(`first load: ${firstLoad.scripts.length} script(s), ${firstLoadEncoded} bytes compressed (${firstLoadDecoded} inflated); style ${stylesEncoded} bytes`);

    // 2. Log in as the switch's administrator, go to the audit search.
    await page.getByLabel('Operator id').fill(ADMINISTRATOR);
    await page.getByLabel('Password').fill(administrator.password);
    await page.getByLabel('TOTP code').fill(totpCode(administrator.totpSecret, Date.now()));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.getByRole('link', { name: 'Audit search' }).click();
    await page.locator('form.search').waitFor();
    const afterLogin = await loadedAssets(page);
    const laterScripts = afterLogin.scripts.filter((script) => !firstLoad.scripts.some((first) => first.url === script.url));

    const subjects = pickSubjects(filled.sample, WARM_UP + plan.searches);
    const subjectRuns: (TimedSearch & { kind: string; found: boolean })[] = [];
    for (const [index, look] of subjects.entries()) {
      const query = queryOf(look.subject) as Record<string, string>;
      const timed = await timedSearch(page, query);
      if (index < WARM_UP) continue;
      subjectRuns.push({ ...timed, kind: look.subject.kind, found: timed.seqs.includes(look.seq) });
    }
    const measured = summary(subjectRuns.map((each) => each.paintedMs));
    const renderedOnly = summary(subjectRuns.map((each) => each.renderedMs));
    const requestOnly = summary(subjectRuns.map((each) => each.requestMs));
    log(`subject search, request to table painted: p50 ${measured.p50} ms, p95 ${measured.p95} ms, max ${measured.max} ms (request alone p50 ${requestOnly.p50} ms)`);

    // Operators of the fill (OP1000-OP2999): each has a few hundred rows of the log.
    const operatorRuns: TimedSearch[] = [];
    for (let index = 0; index < WARM_UP + plan.operatorSearches; index += 1) {
      const timed = await timedSearch(page, { operatorId: `OP${1000 + ((index * 137) % 2000)}` });
      if (index >= WARM_UP) operatorRuns.push(timed);
    }
    const operatorMeasured = summary(operatorRuns.map((each) => each.paintedMs));
    const operatorRows = Math.round(operatorRuns.reduce((sum, each) => sum + each.rows, 0) / Math.max(1, operatorRuns.length));
    log(`operator search (${operatorRows} rows a table): p50 ${operatorMeasured.p50} ms, p95 ${operatorMeasured.p95} ms`);

    const refusals = [...subjectRuns, ...operatorRuns].filter((each) => each.refusal !== null);
    const found = subjectRuns.filter((each) => each.found).length;
    const rowsLabel = filled.rows.toLocaleString('en-US');
    const figures = [
      figure({
        name: 'first load: JavaScript as served (gzip)', value: round(firstLoadEncoded / 1024, 1), unit: 'KB',
        target: { description: `< ${FIRST_LOAD_TARGET_KB} KB of compressed JavaScript`, on: 'value', kind: 'max', threshold: FIRST_LOAD_TARGET_KB },
        note: `${firstLoad.scripts.length} script(s), ${round(firstLoadDecoded / 1024, 1)} KB inflated; style sheet ${round(stylesEncoded / 1024, 1)} KB compressed; ${laterScripts.length} more script(s) after login`,
      }),
      figure({
        name: `audit subject search p95, ${rowsLabel} rows, request to table painted`, value: measured.p95, unit: 'ms',
        target: { description: `< ${SEARCH_TARGET_MS} ms over 1,000,000 rows`, on: 'value', kind: 'max', threshold: SEARCH_TARGET_MS },
        note: `p50 ${measured.p50} ms, max ${measured.max} ms over ${measured.count} searches (name and DOB, plate, VIN, licence) typed into the page as the administrator (scope all); ${round(subjectRuns.reduce((sum, each) => sum + each.rows, 0) / Math.max(1, subjectRuns.length), 1)} rows a table`,
      }),
      figure({
        name: 'audit subject search p50, request to table painted', value: measured.p50, unit: 'ms',
        target: { description: `< ${SEARCH_TARGET_MS} ms over 1,000,000 rows`, on: 'value', kind: 'max', threshold: SEARCH_TARGET_MS },
      }),
      figure({
        name: 'of which the request (start to last byte of the answer), p50', value: requestOnly.p50, unit: 'ms',
        note: `p95 ${requestOnly.p95} ms: the switch's search, its audit_read row committed first (synchronous FULL), and the JSON; in the document (before the paint) p50 ${renderedOnly.p50} ms, p95 ${renderedOnly.p95} ms`,
      }),
      figure({
        name: `operator search p95, request to table painted (${operatorRows} rows a table)`, value: operatorMeasured.p95, unit: 'ms',
        note: `p50 ${operatorMeasured.p50} ms, max ${operatorMeasured.max} ms over ${operatorMeasured.count} searches of one operator`,
      }),
    ];
    const checks: Check[] = [
      { name: 'every searched look-up is in the results table', ok: found === subjectRuns.length && subjectRuns.length === plan.searches, detail: `${found}/${subjectRuns.length} of ${plan.searches}` },
      { name: 'no search was refused', ok: refusals.length === 0, detail: refusals.length === 0 ? 'none' : refusals.map((each) => each.refusal).join('; ') },
      {
        name: 'the first load\'s scripts are served gzip-compressed',
        ok: served.length > 0 && served.every((each) => each.status === 200 && each.encoding === 'gzip') && firstLoad.scripts.length > 0,
        detail: served.map((each) => `${each.url}: ${each.status} ${each.encoding ?? 'identity'} ${each.bytes} bytes`).join('; ') || 'no script in the page',
      },
      { name: 'the fill wrote the rows asked', ok: filled.rows === rows, detail: `${filled.rows} of ${rows}` },
    ];
    return scenario.finish({
      parameters: {
        rows: filled.rows, searches: plan.searches, operatorSearches: plan.operatorSearches, warmUp: WARM_UP, reader: `${ADMINISTRATOR} (ADMINISTRATOR, scope all)`,
        browser: `${CHROMIUM} ${browser.version()}`, viewport: '1280x900', limit: 1000,
      },
      figures, checks,
      notes: [
        'Timed in the page: performance.now() at the click on Search, then a MutationObserver waits for the busy state to clear with the table in the document, then one animation frame and a task (the table drawn). Chromium runs headless on the same two cores as the switch.',
        'The request goes through the page\'s own API client (bearer token), GET /v1/audit/search with limit 1000; the switch commits the search\'s audit_read row before answering (CJIS: access to the audit log is audited), which is the fsync in the request figure.',
        'First load: the resource timing\'s encodedBodySize of every script the login page loaded with an empty cache; the switch gzips the console\'s files once, at start.',
      ],
      details: {
        fill: { rows: filled.rows, transactions: filled.transactions, seconds: round(filled.seconds, 1), bytes },
        firstLoad: { scripts: firstLoad.scripts, styles: firstLoad.styles, servedRaw: served, afterLogin: laterScripts },
        subject: { painted: measured, rendered: renderedOnly, request: requestOnly, byKind: Object.fromEntries(['person', 'plate', 'vin', 'licence'].map((kind) => [kind, summary(subjectRuns.filter((each) => each.kind === kind).map((each) => each.paintedMs))])) },
        operator: { painted: operatorMeasured, rows: operatorRows },
      },
    });
  } finally {
    await browser?.close();
    await network?.stop();
    network?.removeFiles();
    rmSync(dir, { recursive: true, force: true });
  }
}

const USAGE = `usage: pnpm exec tsx --conditions=source bench/src/console.ts [--full] [--rows N]

The console's budgets in Chromium (${CHROMIUM}; CLETS_CHROMIUM names another): the first
load's compressed JavaScript, and audit subject searches over a filled log, request to table
painted. Short: ${SHORT.rows.toLocaleString('en-US')} rows; --full: ${FULL.rows.toLocaleString('en-US')} rows. Run pnpm build first.
`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let values: { full?: boolean; rows?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { full: { type: 'boolean', default: false }, rows: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help === true) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const started = performance.now();
  run({ mode: values.full === true ? 'full' : 'short', ...(values.rows === undefined ? {} : { rows: Number(values.rows) }) }).then((result) => {
    process.stderr.write(`wrote ${writeResult(result)} in ${round((performance.now() - started) / 1000)} s\n`);
    if (result.checks.some((check) => !check.ok)) process.exitCode = 1;
  }, (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
