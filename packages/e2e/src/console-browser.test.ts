/**
 * The coordinator's console in a real Chromium (Debian's `chromium`, driven by playwright-core)
 * against a running network: an ACC logs in with password and TOTP, finds a transaction by
 * its subject, closes a flag on the review queue; a SPOC is shown the API's refusal of a
 * view their role may not see; axe-core finds no accessibility violation. Screenshots go to
 * var/screenshots/ (git-ignored).
 *
 * Without Chromium these tests skip, saying why, unless CLETS_BROWSER_TESTS=required (CI sets
 * it): then a missing browser is a failure, never a skip.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '@clets/protocol';
import { loadFixtures, type FixtureSet } from '@clets/fixtures';
import { REPO_ROOT, startStateNetwork, STATE_NETWORK_SWITCHES, type StateNetwork } from '@clets/launcher';
import { httpCall } from './raw-clients.js';

const CHROMIUM = process.env['CLETS_CHROMIUM'] ?? '/usr/bin/chromium';
const REQUIRED = process.env['CLETS_BROWSER_TESTS'] === 'required';
const available = existsSync(CHROMIUM);
if (!available && REQUIRED) throw new Error(`CLETS_BROWSER_TESTS=required but there is no Chromium at ${CHROMIUM} (apt-get install chromium)`);
if (!available) console.warn(`console browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; CLETS_CHROMIUM names another)`);

export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
const SCREENSHOTS = join(REPO_ROOT, 'var', 'screenshots');

let fixtures: FixtureSet;
let network: StateNetwork;
let browser: Browser;
let consoleUrl: string;
/** The ACC's page, logged in once: a TOTP code is accepted once per operator and 30-second step. */
let accPage: Page;

/** One gateway transaction of an operator at a terminal of county 19. */
async function send(operatorId: string, mnemonic: string, line: string): Promise<void> {
  const http = network.httpUrl('county-19');
  const operator = fixtures.operators.find((each) => each.id === operatorId)!;
  const terminal = fixtures.terminals.find((each) => each.mnemonic === mnemonic)!;
  const session = await httpCall(`${http}/v1/sessions`, { body: {
    mnemonic, deviceSecret: terminal.deviceSecret, operatorId, password: `Demo-Pass-${operatorId.slice(2)}!`,
    totpCode: totpCode(operator.totpSecret, Date.now()), acknowledgeBanner: true,
  } });
  expect(session.status, session.body).toBe(201);
  const token = (JSON.parse(session.body) as { token: string }).token;
  const answer = await httpCall(`${http}/v1/messages`, { headers: { authorization: `Bearer ${token}` }, body: { line } });
  expect(answer.status, answer.body).toBe(200);
}

/** Logs in at the console's page as a fixture operator, with the TOTP code of now. */
async function logIn(page: Page, operatorId: string): Promise<void> {
  const operator = fixtures.operators.find((each) => each.id === operatorId)!;
  await page.goto(consoleUrl);
  await page.getByLabel('Operator id').fill(operatorId);
  await page.getByLabel('Password').fill(`Demo-Pass-${operatorId.slice(2)}!`);
  await page.getByLabel('TOTP code').fill(totpCode(operator.totpSecret, Date.now()));
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

async function accessibilityViolations(page: Page): Promise<string[]> {
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated by the browser's debugger protocol: the page's content security policy (no inline script) stays on.
  await page.evaluate(axe);
  const result = await page.evaluate(async () => (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run());
  return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
}

describe.skipIf(!available)('the console in Chromium', () => {
  beforeAll(async () => {
    fixtures = await loadFixtures();
    mkdirSync(SCREENSHOTS, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'clets-console-'));
    network = await startStateNetwork({
      dir,
      perSwitch: Object.fromEntries(STATE_NETWORK_SWITCHES.map((name) => [name, {
        security: { databasePath: join(dir, `${name}-security.db`), settings: { passwords: { scrypt: { cost: 1024 } } } },
      }])),
    });
    consoleUrl = `${network.httpUrl('county-19')}/console/`;
    await send('OP1004', 'LA04', 'QW.CA0190000.NAM/KORVALE,DESMIN.SEX/M.DOB/19860412.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234');
    // A watch-listed subject: a flag on the review queue.
    await send('OP1001', 'LA01', 'QW.CA0190000.NAM/VANDERHOLT,CASIMIRA.SEX/F.DOB/19700219.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001235');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await network?.stop();
  }, 60_000);

  it('logs an ACC in with password and TOTP and shows the live view of their agency', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    accPage = page;
    await page.goto(consoleUrl);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-login.png') });
    await logIn(page, 'OP1008');
    await expect.poll(() => page.getByText(/Updated .* Refusals, answers and terminals: agency CA0190000/).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('cell', { name: 'state', exact: false }).first().waitFor();
    expect(await page.getByText('OP1008 ACC CA0190000').count()).toBe(1);
    await page.waitForTimeout(2500);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-live.png'), fullPage: true });
  });

  it('finds the transaction of a demo subject, with its route-to and outcome, and shows the row', async () => {
    const page = accPage;
    await page.getByRole('link', { name: 'Audit search' }).click();
    await page.getByLabel('Name').fill('KORVALE,DESMIN');
    await page.getByLabel('Date of birth').fill('19860412');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'OP1004' });
    await row.first().waitFor();
    const text = await row.first().innerText();
    expect(text).toContain('LA04');
    expect(text).toContain('TRAFFIC STOP SUSPECT VEH; case 26-001234; for DEP R VALE 4411');
    expect(text).toContain('HIT');
    expect(await page.getByTestId('scope').innerText()).toBe('Scope: rows of CA0190000');
    await row.first().getByRole('button').click();
    await page.getByText('Records disclosed').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-audit-search.png'), fullPage: true });
  });

  it('closes a flag of the review queue with a finding', async () => {
    const page = accPage;
    await page.getByRole('link', { name: 'Review and cases' }).click();
    const flag = page.getByRole('row').filter({ hasText: 'OP1001' }).filter({ hasText: 'watch' });
    await flag.first().waitFor();
    const close = flag.first().getByRole('button', { name: /^Close flag/ });
    const name = await close.innerText();
    await close.click();
    await page.getByLabel(/^Finding for flag/).fill('TRAFFIC STOP OF THE SUBJECT CONFIRMED BY CAD LOG');
    await page.getByRole('button', { name: 'Close with finding' }).click();
    await expect.poll(() => page.getByRole('button', { name, exact: true }).count(), { timeout: 10_000 }).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-review.png'), fullPage: true });
    const token = await adminToken('OP1010');
    const closed = await httpCall(`${network.httpUrl('county-19')}/v1/admin/review-queue?status=closed`, { headers: { authorization: `Bearer ${token}` } });
    const items = (JSON.parse(closed.body) as { items: { operatorId: string; finding: string; closedBy: string }[] }).items;
    expect(items).toContainEqual(expect.objectContaining({ operatorId: 'OP1001', finding: 'TRAFFIC STOP OF THE SUBJECT CONFIRMED BY CAD LOG', closedBy: 'OP1008' }));
  });

  it('shows a SPOC the API\'s refusal of the review queue', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, 'OP1009');
    await page.getByRole('link', { name: 'Review and cases' }).click();
    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Not permitted\s+CLETS_ERR_ADMIN_NOT_PERMITTED/);
    expect(await page.getByRole('button', { name: /^Close flag/ }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-refused.png'), fullPage: true });
    await page.close();
  });
});

async function adminToken(operatorId: string): Promise<string> {
  const operator = fixtures.operators.find((each) => each.id === operatorId)!;
  const answer = await httpCall(`${network.httpUrl('county-19')}/v1/admin/sessions`, {
    body: { operatorId, password: `Demo-Pass-${operatorId.slice(2)}!`, totpCode: totpCode(operator.totpSecret, Date.now()) },
  });
  expect(answer.status, answer.body).toBe(201);
  return (JSON.parse(answer.body) as { token: string }).token;
}
