/**
 * The demo network on this machine, no Docker: the mock systems, the state switch and two
 * county switches (Los Angeles, county 19, and San Diego, county 37), all on 127.0.0.1.
 *
 *   pnpm demo          start it, print where everything listens and the demo credentials,
 *                      run until Ctrl-C
 *   pnpm demo --once   start it, play a scripted session, check every answer, stop;
 *                      exit 0 only if every step got the answer it expects
 *
 * Everything here is synthetic: the people, the records and the credentials.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfirmationPriority, ConfirmationState, DeliveryState, HitStatus, totpCode } from '@clets/protocol';
import { loadFixtures, WELL_KNOWN, type FixtureSet } from '@clets/fixtures';
import { TerminalClient, formatResult, hitConfirmationLine, type TransactionResult } from '@clets/terminal';
import {
  selfSignedCertificate, startStateNetwork, STATE_NETWORK_SWITCHES, type StateNetwork, type StateNetworkSwitch,
} from '@clets/launcher';

const USAGE = `usage: pnpm demo [--once] [--quiet] [--env-out FILE]

Starts the demo network on 127.0.0.1: the mock systems, the state switch and the county
switches 19 and 37, each a compiled service under node. Prints where everything listens and
the demo credentials, then runs until Ctrl-C.

  --once      play the scripted session instead, check every answer, stop and remove the
              state directory; exit 0 only if every step got the answer it expects
  --quiet     do not copy the services' logs to stderr
  --env-out FILE
              once the network is up, write to FILE (KEY=VALUE lines) where county 19's
              terminals and HTTP API listen, the CA to trust, the credentials of terminal
              LA03 and, as CLETS_GATEWAY_*, of terminal LA04, both set aside for tools:
              \`set -a; . FILE; set +a; pnpm conformance\` checks the switch against the
              protocol (packages/conformance); examples/ run from the same file
  -h, --help  this text
`;

/** The command line, or an exit: 0 after --help, 2 on an unknown flag (named on stderr). */
function readFlags(): { once: boolean; quiet: boolean; envOut: string | undefined } {
  try {
    const { values } = parseArgs({
      options: {
        once: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false },
        'env-out': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    return { once: values.once, quiet: values.quiet, envOut: values['env-out'] };
  } catch (error) {
    process.stderr.write(`demo: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const flags = readFlags();
const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';
const print = (text = ''): void => { process.stdout.write(`${text}\n`); };

// The CJIS rules are on, with one demo-only relaxation: a cheap scrypt cost, so the switches
// hash the demo passwords in a second instead of a minute at start.
const DEMO_SECURITY_SETTINGS = { passwords: { scrypt: { cost: 2 ** 12 } } };

/** The demo's own certificate authority for its TLS endpoints, once made. */
let tlsCa: Buffer | undefined;

/** A self-signed certificate for 127.0.0.1 made with openssl; none (plain ws) without it. */
function makeCertificate(dir: string): { cert: string; key: string } | undefined {
  try {
    return selfSignedCertificate(dir, { name: 'demo-tls', days: 30, subject: '/CN=clets-sim demo', altNames: 'IP:127.0.0.1,DNS:localhost' });
  } catch {
    print('  (openssl not found: the demo serves plain ws:// and http://)');
    return undefined;
  }
}

interface Operator { readonly operatorId: string; readonly mnemonic: string; readonly switchName: StateNetworkSwitch }

const OPERATORS = {
  la: { operatorId: 'OP1001', mnemonic: 'LA01', switchName: 'county-19' },
  laLimited: { operatorId: 'OP1005', mnemonic: 'LA02', switchName: 'county-19' },
  sd: { operatorId: 'OP2001', mnemonic: 'SD01', switchName: 'county-37' },
} as const satisfies Record<string, Operator>;

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'clets-demo-'));
  print(`clets-sim demo network: starting (state in ${dir}) ...`);
  const certificate = makeCertificate(dir);
  const perSwitch = Object.fromEntries(STATE_NETWORK_SWITCHES.map((name) => [name, {
    security: { databasePath: join(dir, `${name}-security.db`), settings: DEMO_SECURITY_SETTINGS },
  }]));
  tlsCa = certificate === undefined ? undefined : readFileSync(certificate.cert);
  // Terminals, the gateway and every link (county -> state, switch -> systems) speak TLS
  // (CJIS: encryption outside a physically secure location) with a certificate the demo
  // makes for 127.0.0.1, so no credential or link secret travels in clear.
  const network = await startStateNetwork({
    dir, perSwitch, inheritStderr: !flags.quiet && !flags.once,
    ...(certificate !== undefined ? { tls: { certFile: certificate.cert, keyFile: certificate.key } } : {}),
  });
  const fixtures = await loadFixtures();
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await network.stop();
  };

  try {
    printWhereItListens(network);
    printCredentials(fixtures);
    printConsole(network, fixtures, certificate?.cert);
    if (flags.envOut !== undefined) writeToolEnvironment(flags.envOut, network, fixtures, certificate?.cert);
    if (!flags.once) {
      print('\nRunning. Open a terminal in another shell, e.g.:');
      const trust = certificate === undefined ? '' : `NODE_EXTRA_CA_CERTS=${certificate.cert} `;
      print(`  ${trust}CLETS_URL=${network.terminalsUrl('county-19')} CLETS_TERMINAL=LA01 CLETS_DEVICE_SECRET=${deviceSecret(fixtures, 'LA01')} \\`);
      print(`  CLETS_OPERATOR=OP1001 CLETS_PASSWORD='Demo-Pass-1001!' CLETS_TOTP_SECRET=${operator(fixtures, 'OP1001').totpSecret} pnpm terminal`);
      print('Ctrl-C stops the network.');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      print(`\nstopping ... (the databases and logs stay in ${dir})`);
      return 0;
    }
    return await playScript(network, fixtures);
  } finally {
    await stop();
    // A scripted run leaves nothing behind; a network someone used keeps its state to look at.
    if (flags.once) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The terminals set aside for tools (the conformance kit, examples/): LA03 with OP1003, and
 * LA04 with OP1004 for the HTTP gateway, which the scripted session never uses, so a tool's
 * login does not meet the script's TOTP codes. Two operators, because a TOTP code is taken
 * once per operator and 30-second step: a WebSocket client and a gateway client run one
 * after the other would otherwise wait for the next step.
 */
const TOOL_TERMINAL = { operatorId: 'OP1003', mnemonic: 'LA03' } as const;
const GATEWAY_TOOL_TERMINAL = { operatorId: 'OP1004', mnemonic: 'LA04' } as const;

function writeToolEnvironment(path: string, network: StateNetwork, fixtures: FixtureSet, caFile: string | undefined): void {
  const lines = [
    `CLETS_URL=${network.terminalsUrl('county-19')}`,
    ...(caFile !== undefined ? [`CLETS_CA_FILE=${caFile}`] : []),
    `CLETS_TERMINAL=${TOOL_TERMINAL.mnemonic}`,
    `CLETS_DEVICE_SECRET=${deviceSecret(fixtures, TOOL_TERMINAL.mnemonic)}`,
    `CLETS_OPERATOR=${TOOL_TERMINAL.operatorId}`,
    `CLETS_PASSWORD='Demo-Pass-${TOOL_TERMINAL.operatorId.slice(2)}!'`,
    `CLETS_TOTP_SECRET=${operator(fixtures, TOOL_TERMINAL.operatorId).totpSecret}`,
    `CLETS_HTTP_URL=${network.httpUrl('county-19')}`,
    `CLETS_GATEWAY_TERMINAL=${GATEWAY_TOOL_TERMINAL.mnemonic}`,
    `CLETS_GATEWAY_DEVICE_SECRET=${deviceSecret(fixtures, GATEWAY_TOOL_TERMINAL.mnemonic)}`,
    `CLETS_GATEWAY_OPERATOR=${GATEWAY_TOOL_TERMINAL.operatorId}`,
    `CLETS_GATEWAY_PASSWORD='Demo-Pass-${GATEWAY_TOOL_TERMINAL.operatorId.slice(2)}!'`,
    `CLETS_GATEWAY_TOTP_SECRET=${operator(fixtures, GATEWAY_TOOL_TERMINAL.operatorId).totpSecret}`,
  ];
  // Written whole under a temporary name, then renamed: a reader waiting for the file never sees half of it.
  writeFileSync(`${path}.partial`, `${lines.join('\n')}\n`, { mode: 0o600 });
  renameSync(`${path}.partial`, path);
  print(`\nTool environment (terminal ${TOOL_TERMINAL.mnemonic}, operator ${TOOL_TERMINAL.operatorId}; gateway ` +
    `${GATEWAY_TOOL_TERMINAL.mnemonic}, ${GATEWAY_TOOL_TERMINAL.operatorId}) written to ${path}`);
}

function printWhereItListens(network: StateNetwork): void {
  print('\nWhere everything listens:');
  print(`  mock systems  links ${String(network.backends.info['link'])}   control ${network.controlUrl}`);
  print(`  state switch  peers ${network.peersUrl}   http ${network.httpUrl('state')}`);
  for (const name of ['county-19', 'county-37'] as const) {
    print(`  ${name.padEnd(12)}  terminals ${network.terminalsUrl(name)}   http ${network.httpUrl(name)}`);
  }
}

function printCredentials(fixtures: FixtureSet): void {
  print('\nDemo credentials (synthetic; second factor: TOTP from the secret):');
  for (const entry of Object.values(OPERATORS)) {
    const record = operator(fixtures, entry.operatorId);
    print(`  ${entry.operatorId} ${record.role.padEnd(5)} password Demo-Pass-${entry.operatorId.slice(2)}!  TOTP secret ${record.totpSecret}  ` +
      `terminal ${entry.mnemonic} (device secret ${deviceSecret(fixtures, entry.mnemonic)}) on ${entry.switchName}`);
  }
  // No shared token reads the audit log: an administrator logs in with both factors.
  const administrator = operator(fixtures, 'OP1010');
  print(`  audit log of county-19: administrator OP1010 (password Demo-Pass-1010!, TOTP secret ${administrator.totpSecret}) ` +
    'logs in with POST /v1/admin/sessions {operatorId, password, totpCode}, then GET /v1/audit with the token');
}

/** Where each switch's console is, and who logs in to county 19's. */
function printConsole(network: StateNetwork, fixtures: FixtureSet, certificate: string | undefined): void {
  const acc = operator(fixtures, COORDINATOR);
  print('\nThe coordinator\'s console (a browser page; log in with the password and the current TOTP code of the secret):');
  print(`  county-19  ${network.httpUrl('county-19')}/console/`);
  print(`  county-37  ${network.httpUrl('county-37')}/console/`);
  print(`  ACC of CA0190000: ${COORDINATOR} (${acc.name.last}, ${acc.name.first}) password Demo-Pass-${COORDINATOR.slice(2)}!  TOTP secret ${acc.totpSecret}` +
    `  (a code now: node -e "import('@clets/protocol').then(p => console.log(p.totpCode('${acc.totpSecret}', Date.now())))")`);
  if (certificate !== undefined) print(`  the browser must trust the demo's certificate ${certificate} (or accept it once)`);
}

function operator(fixtures: FixtureSet, operatorId: string) {
  const found = fixtures.operators.find((candidate) => candidate.id === operatorId);
  if (found === undefined) throw new Error(`no fixture operator ${operatorId}`);
  return found;
}

function deviceSecret(fixtures: FixtureSet, mnemonic: string): string {
  const found = fixtures.terminals.find((candidate) => candidate.mnemonic === mnemonic);
  if (found === undefined) throw new Error(`no fixture terminal ${mnemonic}`);
  return found.deviceSecret;
}

async function logIn(network: StateNetwork, fixtures: FixtureSet, who: Operator): Promise<TerminalClient> {
  const record = operator(fixtures, who.operatorId);
  const client = new TerminalClient({
    url: network.terminalsUrl(who.switchName), mnemonic: who.mnemonic, deviceSecret: deviceSecret(fixtures, who.mnemonic),
    operatorId: who.operatorId, password: `Demo-Pass-${who.operatorId.slice(2)}!`,
    secondFactor: async () => totpCode(record.totpSecret, Date.now()),
    requestTimeoutMs: 20_000,
    ...(tlsCa !== undefined ? { tls: { ca: tlsCa } } : {}),
  });
  await client.connect();
  const result = await client.login();
  print(`  ${who.operatorId} logged in at ${who.mnemonic} (${result.ori}, ${result.role}) on ${who.switchName}`);
  return client;
}

/** The scripted session: each step says what it expects, and the run fails if it does not get it. */
async function playScript(network: StateNetwork, fixtures: FixtureSet): Promise<number> {
  const failures: string[] = [];
  let stepNumber = 0;
  const step = async (title: string, body: () => Promise<string | undefined>): Promise<void> => {
    stepNumber += 1;
    print(`\n--- step ${stepNumber}: ${title}`);
    try {
      const problem = await body();
      if (problem === undefined) print(`    ok`);
      else {
        failures.push(`step ${stepNumber} (${title}): ${problem}`);
        print(`    FAILED: ${problem}`);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`step ${stepNumber} (${title}): ${message}`);
      print(`    FAILED: ${message}`);
    }
  };
  const send = async (client: TerminalClient, line: string): Promise<TransactionResult> => {
    print(`  > ${line}`);
    const result = await client.send(line);
    print(indent(formatResult(result)));
    return result;
  };

  print('\nLogging in:');
  const la = await logIn(network, fixtures, OPERATORS.la);
  const laLimited = await logIn(network, fixtures, OPERATORS.laLimited);
  const sd = await logIn(network, fixtures, OPERATORS.sd);
  const wanted = WELL_KNOWN.wantedPerson;
  const clean = WELL_KNOWN.cleanPerson;

  try {
    await step('a wanted-person hit', async () => {
      const result = await send(la, `QW.CA0190000.NAM/${wanted.last},${wanted.first}.SEX/${wanted.sex}.DOB/${wanted.dob}.${RTE}`);
      if (result.outcome !== 'completed') return `rejected: ${result.rejected.code}`;
      if (!result.hit) return 'no HIT flag';
      const hops = result.responses[0]?.header?.hops?.map((hop) => hop.switchId) ?? [];
      print(`    path: ${hops.join(' -> ')} -> ${result.responses[0]?.system ?? '?'}`);
      return hops.includes('state') ? undefined : `the answer did not come through the state switch (${hops.join(', ')})`;
    });

    await step('a no-record answer, and a no-record look-up of the same wanted subject by another operator', async () => {
      const result = await send(la, `QW.CA0190000.NAM/${clean.last},${clean.first}.SEX/${clean.sex}.DOB/${clean.dob}.${RTE}`);
      if (result.outcome !== 'completed') return `rejected: ${result.rejected.code}`;
      if (result.hit || !result.responses.every((response) => response.status === HitStatus.HIT_STATUS_NO_RECORD)) return 'expected no record from every system';
      // A records clerk at LA02 runs the step-1 subject's Nevada licence: nothing on file there.
      const nevada = await send(laLimited, `DQ.CA0190000.OLS/NV.NAM/${wanted.last},${wanted.first}.DOB/${wanted.dob}.${CLERK_RTE}`);
      if (nevada.outcome !== 'completed') return `DQ rejected: ${nevada.rejected.code}`;
      return nevada.hit || !nevada.responses.every((response) => response.status === HitStatus.HIT_STATUS_NO_RECORD)
        ? 'expected no Nevada licence of the wanted subject' : undefined;
    });

    await step('a reject for a missing route-to', async () => {
      const result = await send(la, `QW.CA0190000.NAM/${clean.last},${clean.first}.SEX/${clean.sex}.DOB/${clean.dob}`);
      return result.rejected?.code === 'CLETS_ERR_ROUTE_TO_MISSING' ? undefined : `expected CLETS_ERR_ROUTE_TO_MISSING, got ${result.rejected?.code ?? 'an answer'}`;
    });

    const epo = `EPO.CA0190000.NAM/${clean.last},${clean.first}.SEX/${clean.sex}.RAC/W.DOB/${clean.dob}.POT/DVRO.PNO/MARLOWE,TESSA` +
      `.ISD/20261101.EXP/20291101.CRT/LOS ANGELES SUPERIOR COURT.OCA/26-DEMO-${Date.now() % 100000}.${RTE}`;

    await step('a less-than-full-access operator refused an update', async () => {
      const result = await send(laLimited, epo);
      return result.rejected?.code === 'CLETS_ERR_ROLE_NOT_PERMITTED' ? undefined : `expected CLETS_ERR_ROLE_NOT_PERMITTED, got ${result.rejected?.code ?? 'an answer'}`;
    });

    await step('a full-access operator enters and cancels a protection order', async () => {
      const entered = await send(la, epo);
      if (entered.outcome !== 'completed') return `entry rejected: ${entered.rejected.code}`;
      const nic = entered.responses.flatMap((response) => response.records ?? []).find((record) => record.status === HitStatus.HIT_STATUS_ACKNOWLEDGED)?.recordId;
      if (!nic) return 'the entry was not acknowledged with a NIC';
      const query = `QPO.CA0190000.NAM/${clean.last},${clean.first}.DOB/${clean.dob}.${RTE}`;
      const found = await send(la, query);
      if (!found.hit) return 'QPO did not find the order just entered';
      const cancelled = await send(la, `XPO.CA0190000.NIC/${nic}.${RTE}`);
      if (cancelled.outcome !== 'completed' || cancelled.rejects.length > 0) return 'the cancellation was not accepted';
      const gone = await send(la, query);
      return gone.hit ? 'QPO still finds the cancelled order' : undefined;
    });

    await step('an administrative message from county 19 to a terminal in county 37', async () => {
      const received = sd.next('adminMessage', 15_000);
      const report = la.next('deliveryReport', 15_000);
      const result = await send(la, 'AM.CA0190000.SD01.CAU/SUBJECT MAY BE ARMED.TXT/ATTEMPT TO LOCATE GRAY SEDAN. PLATE 8ABC123.');
      if (result.outcome !== 'completed') return `rejected: ${result.rejected.code}`;
      const [message] = await received;
      print(`    SD01 received: ${message.officerSafety ? `${message.officerSafety} / ` : ''}${message.text}`);
      const [delivery] = await report;
      print(`    LA01 delivery report: ${delivery.destination} ${enumName(DeliveryState, delivery.state)}`);
      return message.text?.includes('8ABC123') ? undefined : 'SD01 did not get the message text';
    });

    await step('a hit confirmation asked (YQ) and confirmed (YR)', async () => {
      const request = la.next('hitConfirmationRequest', 15_000);
      const asked = await send(sd, `YQ.CA0370000.CA0190000.NIC/${wanted.warrantNic}.PRI/U.RNO/1.NAM/${wanted.last},${wanted.first}`);
      if (asked.outcome !== 'completed') return `YQ rejected: ${asked.rejected.code}`;
      const [yq] = await request;
      print(`    LA01 received YQ for ${yq.recordId} ${enumName(ConfirmationPriority, yq.priority)} request ${yq.requestNumber}`);
      // The requesting agency's name and telephone, filled by county 37's switch: who to call back.
      const callBack = /AGN\/[^.]+\.TEL\/[^.\n]+/.exec(yq.text ?? '')?.[0];
      print(`    call back: ${callBack ?? '(none)'}`);
      if (callBack === undefined) return 'the YQ does not name the requesting agency and its telephone';
      const answer = sd.next('hitConfirmationResponse', 15_000);
      const confirmed = await send(la, `YR.CA0190000.CA0370000.NIC/${wanted.warrantNic}.CNF/Y`);
      if (confirmed.outcome !== 'completed') return `YR rejected: ${confirmed.rejected.code}`;
      const [yr] = await answer;
      print(`    SD01 received YR: ${enumName(ConfirmationState, yr.state)} from ${yr.respondingOri}`);
      return yr.recordId === wanted.warrantNic ? undefined : 'the YR did not name the record';
    });

    await step('a backend outage: status messages, and an inquiry queued then delivered', async () => {
      const down = la.next('statusMessage', 15_000);
      await control(network, 'NLETS', { outage: 'drop' });
      const [sm] = await down;
      print(`    LA01 status message: ${sm.text ?? ''} (${sm.system})`);
      const line = `IQ.CA0190000.NV.NAM/${wanted.last},${wanted.first}.SEX/${wanted.sex}.DOB/${wanted.dob}.${RTE};PUR:C`;
      print(`  > ${line}`);
      let queuedSeen = false;
      const pending = la.send(line, { timeoutMs: 30_000, onProgress: (progress) => { if (progress.kind === 'queued') queuedSeen = true; } });
      await waitUntil(() => queuedSeen, 10_000).catch(() => undefined);
      const up = la.next('statusMessage', 15_000);
      await control(network, 'NLETS', { outage: 'none' });
      const [back] = await up;
      print(`    LA01 status message: ${back.text ?? ''} (${back.system})`);
      const result = await pending;
      print(indent(formatResult(result)));
      if (result.outcome !== 'completed') return `rejected: ${result.rejected.code}`;
      if (result.queued.length === 0) return 'no .02. queued notice';
      return result.responses.some((response) => response.system === 'NLETS') ? undefined : 'the queued inquiry was not delivered';
    });

    // The county 19 coordinator, at the administration API: who looked up the wanted subject today?
    const coordinator = new CoordinatorClient(network.httpUrl('county-19'));
    let found: SearchHit[] = [];
    await step(`the county 19 coordinator asks who looked up ${wanted.last}, ${wanted.first} ${wanted.dob} today`, async () => {
      const acc = operator(fixtures, COORDINATOR);
      const login = await coordinator.login(COORDINATOR, `Demo-Pass-${COORDINATOR.slice(2)}!`, totpCode(acc.totpSecret, Date.now()));
      print(`  ${COORDINATOR} (${acc.name.last}, ${acc.name.first}, ${login.administrator.role} of ${login.administrator.ori ?? 'the switch'}) logged in to ${network.httpUrl('county-19')}/v1/admin`);
      for (const notice of login.notices) print(`    notice: ${notice}`);
      const today = new Date().toISOString().slice(0, 10);
      const query = `name=${encodeURIComponent(`${wanted.last},${wanted.first}`)}&dob=${wanted.dob}&from=${today}`;
      print(`  > GET /v1/audit/search?${query}`);
      const answer = await coordinator.get<{ count: number; scope: unknown; hits: SearchHit[] }>(`/v1/audit/search?${query}`);
      found = answer.hits;
      print(`    ${answer.count} look-up${answer.count === 1 ? '' : 's'} of ${wanted.last}, ${wanted.first} ${wanted.dob} in the audit log of county-19 (scope ${JSON.stringify(answer.scope)}):`);
      for (const hit of found) {
        const who = operator(fixtures, hit.operatorId ?? '');
        const why = hit.routeTo === undefined ? '' : `${hit.routeTo.reason ?? ''}${hit.routeTo.caseNumber ? `, case ${hit.routeTo.caseNumber}` : ''}, for ${hit.routeTo.requester ?? '?'}`;
        print(`    ${hit.at.slice(11, 19)}Z  ${hit.operatorId} ${who.name.last}, ${who.name.first} (${who.role}) at ${hit.terminal}  ${hit.messageKey}  ${hit.result.toUpperCase().replace('_', ' ')}` +
          `${hit.records.length > 0 ? `: ${hit.records.join(', ')}` : ''}  row ${hit.seq}`);
        print(`      why: ${why}`);
      }
      print('    (this search is itself recorded in the audit log)');
      const has = (operatorId: string, terminal: string, result: string) => found.some((hit) => hit.operatorId === operatorId && hit.terminal === terminal && hit.result === result);
      if (!has(OPERATORS.la.operatorId, OPERATORS.la.mnemonic, 'hit')) return `the step-1 hit by ${OPERATORS.la.operatorId} at ${OPERATORS.la.mnemonic} is not among the hits`;
      if (!has(OPERATORS.laLimited.operatorId, OPERATORS.laLimited.mnemonic, 'no_record')) return `the no-record look-up by ${OPERATORS.laLimited.operatorId} is not among the hits`;
      return undefined;
    });

    await step('the coordinator opens a misuse case from that search, and closes it with a finding', async () => {
      const clerk = found.find((hit) => hit.operatorId === OPERATORS.laLimited.operatorId);
      const stop = found.find((hit) => hit.operatorId === OPERATORS.la.operatorId && hit.result === 'hit');
      if (clerk === undefined || stop === undefined) return 'the search of the previous step found nothing to open a case from';
      print(`  > POST /v1/admin/cases  (from audit row ${clerk.seq})`);
      const opened = await coordinator.send<{ case: MisuseCaseView }>('POST', '/v1/admin/cases', {
        source: 'audit', subject: `${wanted.last}, ${wanted.first} ${wanted.dob}`, operatorId: clerk.operatorId, auditSeqs: [clerk.seq],
        allegation: 'A records clerk ran the out-of-state licence of a wanted subject: was there a need to know?',
      });
      const id = opened.case.id;
      print(`    case ${id} opened ${opened.case.status.toUpperCase()}: operator ${opened.case.operatorId}, began from ${opened.case.source} search, evidence row ${opened.case.auditSeqs.join(', ')}`);
      print(`  > POST /v1/admin/cases/${id}/steps  (evidence: audit row ${stop.seq}, the step-1 traffic stop)`);
      await coordinator.send('POST', `/v1/admin/cases/${id}/steps`, {
        text: `Dep R Vale 4411 confirms he asked records for the Nevada licence during the traffic stop of case 26-001234 (row ${stop.seq})`, auditSeqs: [stop.seq],
      });
      print(`  > POST /v1/admin/cases/${id}/close`);
      const closed = await coordinator.send<{ case: MisuseCaseView }>('POST', `/v1/admin/cases/${id}/close`, {
        finding: 'unfounded', sanction: 'none', summary: 'The look-up was requested by the deputy on the traffic stop: right and need to know established',
      });
      for (const entry of closed.case.steps) print(`    ${new Date(entry.at).toISOString().slice(11, 19)}Z  ${entry.by}  ${entry.kind.toUpperCase()}: ${entry.text}`);
      const report = await coordinator.text(`/v1/admin/reports/misuse?year=${new Date().getUTCFullYear()}&format=text`);
      const line = report.split('\n').find((row) => row.startsWith(`CASE ${id} `));
      print(`    the annual misuse report lists it: ${line?.replace(/ {2,}/g, '  ') ?? '(missing)'}`);
      if (closed.case.status !== 'closed' || closed.case.finding !== 'unfounded') return `the case is ${closed.case.status}, finding ${closed.case.finding ?? 'none'}`;
      return line === undefined ? 'the annual misuse report does not list the case' : undefined;
    });
    await step('the coordinator\'s console is served by county 19', async () => {
      const url = `${network.httpUrl('county-19')}/console/`;
      const page = await new CoordinatorClient(network.httpUrl('county-19')).page('/console/');
      const script = /src="\.\/(assets\/console-[^"]+\.js)"/.exec(page.body)?.[1];
      if (page.status !== 200 || script === undefined) return `GET ${url}: ${page.status}, ${script === undefined ? 'no script in the page' : ''}`;
      const asset = await new CoordinatorClient(network.httpUrl('county-19')).page(`/console/${script}`);
      print(`  > GET ${url}  ${page.status}, ${page.body.length} bytes; ${script} ${asset.status}, ${asset.body.length} bytes`);
      return asset.status === 200 ? undefined : `GET /console/${script}: ${asset.status}`;
    });

    // County 19 reports a vehicle stolen; a county 37 deputy stops it, confirms the hit with a
    // YQ built from the hit itself, and places a locate: county 19 is told at once.
    const plate = `7DM${String(Date.now() % 10000).padStart(4, '0')}`;
    const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    let stolenNic = '';
    let sdHit: TransactionResult | undefined;
    await step('county 37 hits county 19\'s stolen vehicle and sends a YQ built from the hit', async () => {
      const entered = await send(la, `EV.CA0190000.LIC/${plate}.LIS/CA.VYR/2020.VMA/FORD.VCO/BLU.DOT/${today}.OCA/26-DEMO-V${plate.slice(3)}.${RTE}`);
      stolenNic = entered.responses.flatMap((response) => response.records ?? []).find((record) => record.status === HitStatus.HIT_STATUS_ACKNOWLEDGED)?.recordId ?? '';
      if (stolenNic === '') return 'the stolen vehicle was not entered';
      sdHit = await send(sd, `QV.CA0370000.LIC/${plate}.LIS/CA.${RTE}`);
      const record = sdHit.responses.flatMap((response) => response.records ?? []).find((each) => each.status === HitStatus.HIT_STATUS_HIT && each.recordId === stolenNic);
      if (record === undefined) return 'QV did not hit the vehicle just entered';
      const yq = hitConfirmationLine(record, { ori: 'CA0370000' });
      if (yq === undefined) return 'no YQ could be built from the hit';
      print(`    yq ${sdHit.receipt?.header?.inputSeq ?? '?'} built: ${yq}`);
      const request = la.next('hitConfirmationRequest', 15_000);
      const asked = await send(sd, yq);
      if (asked.outcome !== 'completed') return `YQ rejected: ${asked.rejected.code}`;
      const [received] = await request;
      print(`    LA01 received YQ for ${received.recordId} from ${received.header?.ori ?? '?'}`);
      return received.recordId === stolenNic ? undefined : 'the YQ did not name the record';
    });

    await step('county 37 locates the vehicle (LV); county 19, the entering agency, is notified at once', async () => {
      if (stolenNic === '') return 'no stolen vehicle from the previous step';
      const notified = la.next('adminMessage', 15_000);
      const located = await send(sd, `LV.CA0370000.NIC/${stolenNic}.DOL/${today}.LCA/26-SD-LOC-${plate.slice(3)}.${RTE}`);
      if (located.outcome !== 'completed' || located.rejects.length > 0) return 'the locate was not accepted';
      const [message] = await notified;
      print(`    LA01 received AM from ${message.header?.ori ?? '?'}:`);
      print(indent(indent(message.text ?? '')));
      if (!(message.text ?? '').includes(`NIC/${stolenNic}`)) return 'the notification does not name the record';
      const again = await send(sd, `QV.CA0370000.LIC/${plate}.LIS/CA.${RTE}`);
      const shown = again.responses.flatMap((response) => response.records ?? []).some((record) => (record.text ?? '').includes('LOCATED'));
      if (!shown) return 'the next inquiry does not show the locate';
      const cleared = await send(la, `CV.CA0190000.NIC/${stolenNic}.DCL/${today}.${RTE}`);
      return cleared.outcome === 'completed' && cleared.rejects.length === 0 ? undefined : 'county 19 could not clear its record';
    });

    await step('LA01\'s operator finds that notification again in the message log the switch keeps for them', async () => {
      const found = await send(la, 'LOG.CA0190000.FND/LOCATE NOTIFICATION');
      if (found.outcome !== 'completed') return `LOG rejected: ${found.rejected.code}`;
      const listing = found.responses[0]?.text ?? '';
      return listing.includes('AM FROM CA0370000') ? undefined : 'the locate notification is not in the operator\'s message log';
    });

    // Record care: a new entry is checked by a second operator of the agency against the
    // source documents (SPC), never by the one who entered it; the agency's validation list
    // (VL) then shows nothing unchecked of it.
    await step('a second county 19 operator checks a new entry (SPC); the agency\'s validation list', async () => {
      const checker = await logIn(network, fixtures, { operatorId: 'OP1002', mnemonic: 'LA03', switchName: 'county-19' });
      try {
        const entered = await send(la, `EA.CA0190000.SER/DEMO-${plate}.TYP/LAPTOP.MAK/ORBITEK.DOT/${today}.OCA/26-DEMO-A${plate.slice(3)}.${RTE}`);
        const nic = entered.responses.flatMap((response) => response.records ?? []).find((record) => record.status === HitStatus.HIT_STATUS_ACKNOWLEDGED)?.recordId ?? '';
        if (nic === '') return 'the article was not entered';
        const own = await send(la, `SPC.CA0190000.NIC/${nic}.${RTE}`);
        const ownCode = own.outcome === 'rejected' ? own.rejected.code : own.rejects[0]?.code;
        if (ownCode !== 'CLETS_ERR_SECOND_PARTY_SAME_OPERATOR') return `the enterer's own check was not refused (${ownCode ?? 'accepted'})`;
        const checked = await send(checker, `SPC.CA0190000.NIC/${nic}.${RTE}`);
        if (checked.outcome !== 'completed' || checked.rejects.length > 0) return 'the second operator\'s check was not accepted';
        const list = await send(la, `VL.CA0190000.VLS/U.${RTE}`);
        const text = list.responses.map((response) => response.text ?? '').join('\n');
        if (list.outcome !== 'completed' || text.includes(`NIC/${nic} `)) return 'the checked entry is still listed as not checked';
        await send(la, `XA.CA0190000.NIC/${nic}.${RTE}`);
        return undefined;
      } finally {
        await checker.close();
      }
    });
  } finally {
    await Promise.allSettled([la.close(), laLimited.close(), sd.close()]);
  }

  print(`\n${stepNumber - failures.length} of ${stepNumber} steps got the answer they expect.`);
  for (const failure of failures) print(`  FAILED ${failure}`);
  return failures.length === 0 ? 0 : 1;
}

/** The county 19 Agency CLETS Coordinator (CA0190000's ACC in the fixtures). */
const COORDINATOR = 'OP1008';
/** The records clerk's route-to: asked by the deputy of step 1, for the same case. */
const CLERK_RTE = 'RTE/REQ:DEP R VALE 4411;RSN:SUSPECT OUT OF STATE LICENCE CHECK;CASE:26-001234';

/** One hit of `GET /v1/audit/search`, as far as the demo prints it. */
interface SearchHit {
  readonly seq: number;
  readonly at: string;
  readonly operatorId?: string;
  readonly terminal?: string;
  readonly messageKey?: string;
  readonly routeTo?: { readonly requester?: string | null; readonly reason?: string | null; readonly caseNumber?: string | null };
  readonly result: string;
  readonly records: readonly string[];
}

interface MisuseCaseView {
  readonly id: number;
  readonly operatorId: string | null;
  readonly source: string;
  readonly status: string;
  readonly finding: string | null;
  readonly auditSeqs: readonly number[];
  readonly steps: readonly { readonly at: number; readonly by: string; readonly kind: string; readonly text: string }[];
}

/** An administrator's calls to a switch's HTTP API, trusting the demo's certificate. */
class CoordinatorClient {
  #token: string | undefined;

  constructor(private readonly base: string) {}

  async login(operatorId: string, password: string, totpCode: string): Promise<{ administrator: { role: string; ori: string | null }; notices: string[] }> {
    const answer = await this.send<{ token: string; administrator: { role: string; ori: string | null }; notices: string[] }>('POST', '/v1/admin/sessions', { operatorId, password, totpCode });
    this.#token = answer.token;
    return answer;
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  async text(path: string): Promise<string> {
    return (await this.#call('GET', path)).body;
  }

  /** A GET with no token, its status and body as they come. */
  page(path: string): Promise<{ status: number; body: string }> {
    const token = this.#token;
    this.#token = undefined;
    const answer = this.#call('GET', path);
    this.#token = token;
    return answer;
  }

  async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, body: text } = await this.#call(method, path, body);
    if (status >= 300) throw new Error(`${method} ${path}: ${status} ${text}`);
    return JSON.parse(text) as T;
  }

  #call(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
    const url = new URL(path, this.base);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      ...(this.#token === undefined ? {} : { authorization: `Bearer ${this.#token}` }),
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const request = send(url, { method, headers, ...(url.protocol === 'https:' && tlsCa !== undefined ? { ca: tlsCa } : {}) }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => { text += chunk; });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      request.setTimeout(15_000, () => request.destroy(new Error(`${method} ${path}: no answer in 15 s`)));
      request.on('error', reject);
      request.end(payload);
    });
  }
}

async function control(network: StateNetwork, system: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${network.controlUrl}/control/${system}`, {
    method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${system}: ${response.status} ${await response.text()}`);
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A protobuf enum value by its name (generated enums map numbers back to names). */
function enumName(values: object, value: number | null | undefined): string {
  return String((values as Record<number, string>)[value ?? 0] ?? value);
}

function indent(text: string): string {
  return text.split('\n').map((line) => `    ${line}`).join('\n');
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
