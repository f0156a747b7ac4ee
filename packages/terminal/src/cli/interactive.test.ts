import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmationPriority, DeliveryState, describeCatalogue, describeKey, HitStatus, LinkState, totpCode, type Frame, type Transaction } from '@clets/protocol';
import { answer, FAKE_OPERATOR, FAKE_TERMINAL, hit, noRecord, startFakeSwitch, type FakeSwitch, type FakeSwitchOptions, type ScriptStep } from '../testing/index.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { COMMANDS_HELP } from './interactive.js';
import { runCli } from './main.js';
import { KEY, Screen } from './testing/screen.js';

const PROMPT = 'OP1@T001 CA0194200> ';
const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP;CASE:26-001234';
const QW = `QW.CA0194200.NAM/DOE,JOHN.DOB/19800115.${RTE}`;
const SECRET = 'JBSWY3DPEHPK3PXP';
const AM: Frame = {
  adminMessage: {
    header: { ori: 'CA0370000', terminal: 'SD01', operatorId: 'OP2001' },
    officerSafety: 'SUBJECT KNOWN TO CARRY A KNIFE', text: 'ATTEMPT TO LOCATE GRAY SEDAN. PLATE 8ABC123.',
  },
};

interface Session {
  readonly screen: Screen;
  readonly fake: FakeSwitch;
  readonly done: Promise<ExitCode>;
}

let current: Session | undefined;

afterEach(async () => {
  if (current !== undefined) {
    current.screen.input.end();
    await current.done;
    await current.fake.close();
  }
  current = undefined;
});

/** Starts the CLI, interactive, on a pretend terminal against a fake switch. */
async function start(options: { env?: Record<string, string>; argv?: string[]; fake?: FakeSwitchOptions } = {}): Promise<Session> {
  const fake = await startFakeSwitch(options.fake ?? {});
  const screen = new Screen();
  const done = runCli({
    argv: options.argv ?? [],
    env: { CLETS_URL: fake.url, CLETS_TERMINAL: FAKE_TERMINAL.mnemonic, CLETS_DEVICE_SECRET: FAKE_TERMINAL.deviceSecret, ...options.env },
    stdin: screen.input, stdout: screen.output, stderr: new PassThrough(), terminal: true,
  });
  current = { screen, fake, done };
  return current;
}

/** Logged in with the credentials from the environment and the banner accepted beforehand. */
async function loggedIn(fake: FakeSwitchOptions = {}): Promise<Session> {
  const session = await start({
    env: { CLETS_OPERATOR: FAKE_OPERATOR.operatorId, CLETS_PASSWORD: FAKE_OPERATOR.password }, argv: ['--accept-banner'], fake,
  });
  await session.screen.waitFor(/OP1@T001 CA0194200( \[\d+ MSG\])?> /);
  return session;
}

function sentLines(fake: FakeSwitch): string[] {
  return fake.received.filter((received) => received.frame.body === 'transaction').map((received) => received.frame.transaction?.text ?? '');
}

describe('interactive terminal', () => {
  it('logs in: banner acknowledged, operator id, hidden password, TOTP code; the prompt shows operator, terminal and ORI', async () => {
    const { screen, fake } = await start({ fake: { operators: { OP1: { password: FAKE_OPERATOR.password, totpSecret: SECRET } } } });
    await screen.waitFor('SYSTEM USE NOTIFICATION');
    await screen.waitFor('Do you acknowledge this notice and wish to continue? (yes/no): ');
    screen.enter('yes');
    await screen.waitFor('Operator ID: ');
    screen.enter('op1');
    await screen.waitFor('Password: ');
    screen.enter(FAKE_OPERATOR.password);
    await screen.waitFor('One-time code (TOTP): ');
    screen.enter(totpCode(SECRET, Date.now()));
    await screen.waitFor(PROMPT);
    expect(screen.text).toContain('LOGGED IN OP1 (FAO) AT T001 ORI/CA0194200');
    expect(screen.raw).not.toContain(FAKE_OPERATOR.password);
    expect(fake.received.map((received) => received.frame.body)).toEqual(['terminalHello', 'bannerAck', 'operatorLogin', 'secondFactorAnswer']);
  });

  it('lets a mistyped password be typed again, and gives up with exit 3 after three refusals', async () => {
    const { screen, done } = await start({ env: { CLETS_OPERATOR: 'OP1' }, argv: ['--accept-banner'] });
    for (const attempt of [1, 2, 3]) {
      const from = screen.mark();
      await screen.waitFor('Password: ', { from });
      screen.enter(`wrong ${attempt}`);
    }
    expect(await done).toBe(EXIT.CONNECTION);
    expect(screen.text.match(/LOGIN REFUSED/g)).toHaveLength(2);
    expect(screen.text).toContain('LOGIN FAILED: operator id or password invalid');
  });

  it('does not log in when the banner is declined (exit 3)', async () => {
    const { screen, fake, done } = await start();
    await screen.waitFor('(yes/no): ');
    screen.enter('no');
    expect(await done).toBe(EXIT.CONNECTION);
    expect(screen.text).toMatch(/LOGIN FAILED: .*banner/i);
    expect(fake.received.some((received) => received.frame.body === 'operatorLogin')).toBe(false);
  });

  it('runs a QW, shows its answers, and logs out cleanly on exit', async () => {
    const { screen, fake, done } = await loggedIn({ scripts: { QW: answer({ responses: [noRecord('NCIC'), noRecord('CORI')] }) } });
    screen.enter(QW);
    const shown = await screen.waitFor(/END ISN\/1 .*\n/);
    expect(shown).toContain('ACK QW ISN/1 CTL/000001');
    expect(shown).toContain('NCIC QW WANTED PERSON INQUIRY - NO RECORD CTL/000001 ISN/1');
    expect(shown).toContain('END ISN/1 ANSWERED/NCIC,CORI FAILED/-');
    expect(sentLines(fake)).toEqual([QW]);
    screen.enter('exit');
    expect(await done).toBe(EXIT.OK);
    expect(screen.text).toContain('LOGGED OUT');
    expect(fake.received.at(-1)?.frame.body).toBe('logout');
  });

  it('prints an AM arriving while a line is half typed, then draws the partial line again', async () => {
    const { screen, fake } = await loggedIn();
    screen.type('QW.CA0194200.NAM/DOE,J');
    await screen.waitFor(`${PROMPT}QW.CA0194200.NAM/DOE,J`);
    const from = screen.mark();
    expect(fake.push(AM)).toBe(1);
    const after = await screen.waitFor(`PLATE 8ABC123.\n${PROMPT}QW.CA0194200.NAM/DOE,J`, { from });
    expect(after).toContain('AM FROM CA0370000/SD01 OP2001\n*** OFFICER SAFETY: SUBJECT KNOWN TO CARRY A KNIFE ***\nATTEMPT TO LOCATE GRAY SEDAN. PLATE 8ABC123.');
    const sent = fake.nextFrame('transaction');
    screen.enter(`OHN.DOB/19800115.${RTE}`);
    expect((await sent).frame.transaction?.text).toBe(QW);
  });

  it('alerts a hit with a banner and the bell', async () => {
    const { screen } = await loggedIn({ scripts: { QW: answer({ responses: [hit('NCIC', 'WARNING - DO NOT ARREST OR DETAIN BASED SOLELY UPON THIS INFORMATION'), noRecord('CORI')] }) } });
    screen.enter(QW);
    const shown = await screen.waitFor(/END ISN\/1 .*\*\*\* HIT \*\*\*/);
    expect(shown).toMatch(/\*\*\* HIT \*\*\* NCIC +\*\*\*\n\*+\nNCIC QW WANTED PERSON INQUIRY - 1 HIT/);
    expect(screen.raw.split('\x07')).toHaveLength(2);
  });

  it('shows help, and help KEY with the key\'s fields', async () => {
    const { screen } = await loggedIn();
    screen.enter('help');
    await screen.waitFor('Type help KEY for its fields');
    expect(screen.text).toContain(COMMANDS_HELP);
    expect(screen.text).toContain(describeCatalogue());
    let from = screen.mark();
    screen.enter('help qw');
    expect(await screen.waitFor('example:', { from })).toContain(describeKey('QW'));
    from = screen.mark();
    screen.enter('help ZZ');
    await screen.waitFor(/'ZZ': known keys are QW /, { from });
  });

  it('builds a transaction with a form and puts it on the line, sent with Enter', async () => {
    const { screen, fake } = await loggedIn();
    screen.enter('form QV');
    const steps: [string, string][] = [
      ['ORI originating agency identifier [CA0194200]: ', ''],
      ['LIC licence plate number (e.g. 8ABC123): ', '8abc123'],
      ['LIS licence plate state (e.g. CA): ', 'ca'],
      ['LIY licence plate year of expiry (e.g. 2027) - optional: ', '-'],
      ['Requester (name and badge/ID) [OP1]: ', ''],
      ['Reason (the specific reason for this inquiry): ', 'traffic stop'],
      ['Case number (Enter if there is none): ', '26-004410'],
    ];
    for (const [question, reply] of steps) {
      const from = screen.mark();
      await screen.waitFor(question, { from: Math.max(0, from - question.length) });
      screen.enter(reply);
    }
    const line = 'QV.CA0194200.LIC/8ABC123.LIS/CA.RTE/REQ:OP1;RSN:TRAFFIC STOP;CASE:26-004410';
    await screen.waitFor(`LINE BUILT: PRESS Enter TO SEND IT, OR EDIT IT FIRST\n${PROMPT}${line}`);
    const sent = fake.nextFrame('transaction');
    screen.enter();
    expect((await sent).frame.transaction?.text).toBe(line);
  });

  it('refuses a line the catalogue check fails, naming the field, with a caret under its column', async () => {
    const { screen, fake } = await loggedIn();
    const bad = `QW.CA0194200.NAM/DOE,JOHN.DOB/19801345.${RTE}`;
    screen.enter(bad);
    const shown = await screen.waitFor(/\^\n/);
    expect(shown).toContain(`NOT SENT 204 A FIELD FAILS ITS EDIT: DOB 19801345: MONTH 13 IS NOT A MONTH FIELD/DOB COLUMN/27\n${bad}\n${' '.repeat(26)}^\n${PROMPT}`);
    expect(sentLines(fake)).toEqual([]);
  });

  it('asks for a missing route-to and sends the completed line; Ctrl-C abandons it', async () => {
    const { screen, fake } = await loggedIn();
    screen.enter('QW.CA0194200.NAM/DOE,JOHN.DOB/19800115');
    await screen.waitFor('QW needs a route-to');
    await screen.waitFor('Requester (name and badge/ID) [OP1]: ');
    screen.enter('dep r vale 4411');
    await screen.waitFor('Reason (the specific reason for this inquiry): ');
    screen.enter('traffic stop');
    await screen.waitFor('Case number (Enter if there is none): ');
    const sent = fake.nextFrame('transaction');
    screen.enter('26-001234');
    expect((await sent).frame.transaction?.text).toBe(QW);
    await screen.waitFor(`SENDING ${QW}`);

    const from = screen.mark();
    screen.enter('QV.CA0194200.LIC/8ABC123.LIS/CA');
    await screen.waitFor('Requester (name and badge/ID) [OP1]: ', { from });
    screen.type(KEY.ctrlC);
    await screen.waitFor(`ABANDONED: NOT SENT\n${PROMPT}`, { from });
    expect(sentLines(fake)).toEqual([QW]);
  });

  it('holds AMs stored for the terminal, counts them in the prompt, and shows them with msgs; hold on holds live ones', async () => {
    const stored: Frame[] = [
      { adminMessage: { header: { ori: 'CA0370000' }, text: 'STORED ONE' } },
      { adminMessage: { header: { ori: 'CA0010000' }, text: 'STORED TWO' } },
    ];
    const { screen, fake } = await loggedIn({ storedTraffic: stored });
    await screen.waitFor('2 MESSAGES WAITING: TYPE msgs TO READ');
    await screen.waitFor('OP1@T001 CA0194200 [2 MSG]> ');
    expect(screen.text).not.toContain('STORED ONE');
    let from = screen.mark();
    screen.enter('msgs');
    expect(await screen.waitFor(`STORED TWO\n${PROMPT}`, { from })).toContain('AM FROM CA0370000\nSTORED ONE\n\nAM FROM CA0010000\nSTORED TWO');
    screen.enter('hold on');
    await screen.waitFor('INCOMING AMS ARE HELD');
    from = screen.mark();
    fake.push(AM);
    await screen.waitFor('AM FROM CA0370000 HELD (OFFICER SAFETY): 1 WAITING, TYPE msgs\nOP1@T001 CA0194200 [1 MSG]> ', { from });
    expect(screen.text.slice(from)).not.toContain('ATTEMPT TO LOCATE');
  });

  it('shows status messages, hit confirmation requests with the answer line, and delivery reports', async () => {
    const { screen, fake } = await loggedIn();
    fake.push({ statusMessage: { system: 'NCIC', state: LinkState.LINK_STATE_DOWN, text: 'NCIC UNAVAILABLE' } });
    await screen.waitFor('SM NCIC DOWN\nNCIC UNAVAILABLE');
    fake.push({
      hitConfirmationRequest: {
        recordId: 'W297823148', priority: ConfirmationPriority.CONFIRMATION_PRIORITY_URGENT, requestNumber: 1,
        requestingOri: 'CA0370000', enteringOri: 'CA0194200',
      },
    });
    await screen.waitFor('ANSWER: YR.CA0194200.CA0370000.NIC/W297823148.CNF/Y');
    expect(screen.raw).toContain('\x07YQ HIT CONFIRMATION REQUEST - URGENT');
    fake.push({ deliveryReport: { messageId: 'm-7', destination: 'SD01', state: DeliveryState.DELIVERY_STATE_DELIVERED } });
    await screen.waitFor(`DELIVERY MSG/m-7 TO SD01: DELIVERED\n${PROMPT}`);
  });

  it('lists the lines sent, shows the session, explains an unknown word, and leaves on a second Ctrl-C', async () => {
    const { screen, done } = await loggedIn();
    screen.enter(QW);
    await screen.waitFor('END ISN/1');
    let from = screen.mark();
    screen.enter('history');
    await screen.waitFor(`  1  ${QW}\n`, { from });
    from = screen.mark();
    screen.enter('status');
    await screen.waitFor(/SENT 1, COMPLETED 1, REJECTED 0, TIMED OUT 0, IN FLIGHT 0\nAMS HELD 0, HOLD OFF\n/, { from });
    from = screen.mark();
    screen.enter('hello');
    await screen.waitFor('hello: not a command, and a transaction has periods', { from });
    screen.type(KEY.ctrlC);
    await screen.waitFor('Ctrl-C AGAIN LOGS OUT');
    screen.type(KEY.ctrlC);
    expect(await done).toBe(EXIT.OK);
  });

  it('logs in again when the switch asks the session to re-authenticate (4011)', async () => {
    const { screen, fake } = await loggedIn();
    const from = screen.mark();
    fake.closeAll(4011, 're-authenticate');
    await screen.waitFor('THE SESSION MUST RE-AUTHENTICATE: LOG IN AGAIN', { from });
    await screen.waitFor(/LOGGED IN OP1 \(FAO\) AT T001 ORI\/CA0194200 SESSION\/fake-session-2.*\n/, { from });
    await screen.waitFor(PROMPT, { from });
    const sent = fake.nextFrame('transaction');
    screen.enter(QW);
    expect((await sent).frame.transaction?.text).toBe(QW);
  });

  it('logs out on Ctrl-D (exit 0), and exits 3 when the switch ends the session for good', async () => {
    const first = await loggedIn();
    first.screen.type(KEY.ctrlD);
    expect(await first.done).toBe(EXIT.OK);
    expect(first.fake.received.at(-1)?.frame.body).toBe('logout');
    await first.fake.close();
    current = undefined;

    const second = await loggedIn();
    second.fake.closeAll(4016, 'superseded');
    expect(await second.done).toBe(EXIT.CONNECTION);
    expect(second.screen.text).toMatch(/CONNECTION CLOSED: .*\n/);
  });
});

describe('the message log from the interactive terminal', () => {
  /** A switch's answers to LOG: a listing, or a recall of ISN 12 with a hit, as the switch lays them out. */
  const LOG = (transaction: Transaction): ScriptStep[] => {
    const fields = new Map((transaction.fields ?? []).map((field) => [field.tag, field.value]));
    if (fields.has('ISN') || fields.has('LNO')) {
      if (fields.get('ISN') !== '12') return answer({ responses: [{ kind: 'response', system: 'SWITCH', responseKey: 'LOG', status: HitStatus.HIT_STATUS_NO_RECORD, text: `NO MESSAGE ISN/${fields.get('ISN')} IN YOUR MESSAGE LOG` }] });
      return answer({
        responses: [{
          kind: 'response', system: 'SWITCH', responseKey: 'LOG', status: HitStatus.HIT_STATUS_ACKNOWLEDGED,
          text: 'LNO/7 2026-11-01 14:00:01Z RECEIVED AT T001 FROM NCIC ISN/12\nNCIC QW WANTED PERSON INQUIRY - 1 HIT ISN/12\n\nWANTED PERSON NIC/W297823148',
          records: [
            { status: HitStatus.HIT_STATUS_ACKNOWLEDGED, system: 'SWITCH', file: 'MESSAGE LOG', fields: [{ tag: 'DIR', value: 'RECEIVED' }, { tag: 'TIM', value: '2026-11-01T14:00:01.000Z' }] },
            { status: HitStatus.HIT_STATUS_HIT, system: 'NCIC', file: 'WANTED PERSON', recordId: 'W297823148', enteringOri: 'CA0370000', fields: [{ tag: 'NAM', value: 'KORVALE,DESMIN' }, { tag: 'OCA', value: '26-004410' }] },
          ],
        }],
      });
    }
    const page = fields.get('PAG') ?? '1';
    return answer({ responses: [{ kind: 'response', system: 'SWITCH', responseKey: 'LOG', status: HitStatus.HIT_STATUS_ACKNOWLEDGED, text: `MESSAGE LOG OF OP1${fields.has('FND') ? ` MATCHING "${fields.get('FND')}"` : ''}, NEWEST FIRST, PAGE ${page}` }] });
  };
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function sentLogs(fake: FakeSwitch): { tag: string; value: string }[][] {
    return fake.received.filter((received) => received.frame.transaction?.header?.messageKey === 'LOG')
      .map((received) => (received.frame.transaction?.fields ?? []).map((field) => ({ tag: field.tag ?? '', value: field.value ?? '' })));
  }

  it('lists the log, the next page, what holds a text, and recalls by ISN', async () => {
    const { screen, fake } = await loggedIn({ scripts: { LOG } });
    screen.enter('log');
    await screen.waitFor('MESSAGE LOG OF OP1, NEWEST FIRST, PAGE 1\n');
    screen.enter('log korvale');
    await screen.waitFor('MESSAGE LOG OF OP1 MATCHING "KORVALE", NEWEST FIRST, PAGE 1\n');
    screen.enter('log more');
    await screen.waitFor('MESSAGE LOG OF OP1 MATCHING "KORVALE", NEWEST FIRST, PAGE 2\n');
    screen.enter('log 12');
    await screen.waitFor('WANTED PERSON NIC/W297823148\n');
    expect(sentLogs(fake)).toEqual([[], [{ tag: 'FND', value: 'KORVALE' }], [{ tag: 'FND', value: 'KORVALE' }, { tag: 'PAG', value: '2' }], [{ tag: 'ISN', value: '12' }]]);
  });

  it('builds yq from the log for an ISN of an earlier session, pre-filled from the hit', async () => {
    const { screen, fake } = await loggedIn({ scripts: { LOG } });
    screen.enter('yq 12');
    const shown = await screen.waitFor(/EDIT AND SEND:\n.*\n/);
    expect(shown).toContain('YQ.CA0194200.CA0370000.NIC/W297823148.PRI/U.RNO/1.OCA/26-004410.NAM/KORVALE,DESMIN');
    expect(sentLogs(fake)).toEqual([[{ tag: 'ISN', value: '12' }]]);
    screen.enter('yq 13');
    await screen.waitFor('NO MESSAGE ISN/13 IN YOUR MESSAGE LOG');
  });

  it('prints a recalled message, and saves it to a file it will not overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clets-save-'));
    dirs.push(dir);
    const file = join(dir, 'case-26-004410.txt');
    const { screen } = await loggedIn({ scripts: { LOG } });
    screen.enter('print 12');
    await screen.waitFor('END OF MESSAGE LOG ISN/12');
    expect(screen.text).toContain('CLETS MESSAGE LOG PRINTOUT: ISN/12\nRECEIVED 2026-11-01 14:00:01Z\nPRINTED ');
    screen.enter(`save 12 ${file}`);
    await screen.waitFor(`SAVED ISN/12 TO ${file}`);
    const saved = readFileSync(file, 'utf8');
    expect(saved).toMatch(/^CLETS MESSAGE LOG EXTRACT FOR A CASE FILE: ISN\/12\nRECEIVED 2026-11-01 14:00:01Z\nSAVED .* BY OPERATOR OP1 AT TERMINAL T001 ORI\/CA0194200\n/);
    expect(statSync(file).mode & 0o077).toBe(0);
    writeFileSync(file, 'NOTES OF THE CASE');
    screen.enter(`save 12 ${file}`);
    await screen.waitFor(`NOT SAVED: ${file} EXISTS (save 12 ${file} --force TO REPLACE IT)`);
    expect(readFileSync(file, 'utf8')).toBe('NOTES OF THE CASE');
    screen.enter(`save 12 ${file} --force`);
    await screen.waitFor(/SAVED ISN\/12 TO .*\n[\s\S]*SAVED ISN\/12 TO /);
    expect(readFileSync(file, 'utf8')).toMatch(/^CLETS MESSAGE LOG EXTRACT FOR A CASE FILE: ISN\/12\n/);
    screen.enter(`save 13 ${join(dir, 'nothing.txt')}`);
    await screen.waitFor('NOT SAVED: NO MESSAGE ISN/13 IN YOUR MESSAGE LOG');
    expect(existsSync(join(dir, 'nothing.txt'))).toBe(false);
  });
});
