import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { hasOpenssl } from '@clets/launcher';
import { WebSocket } from 'ws';
import { decodeFrame, encodeFrame } from '@clets/protocol';
import { TerminalClient } from '@clets/terminal';
import { MemoryAuditStore } from './audit/index.js';
import { buildSwitch, type CletsSwitch } from './switch.js';
import { buildRegistry } from './security/registry.js';
import { PlainSecurityPolicy } from './security/plain-policy.js';
import type { ConnectionSource } from './security/policy.js';

const HAS_OPENSSL = hasOpenssl();

/** A CA, a server certificate for 127.0.0.1 and a client certificate for terminal LA02. */
function makeCertificates(): Record<'dir' | 'ca' | 'serverCert' | 'serverKey' | 'clientCert' | 'clientKey', string> {
  const dir = mkdtempSync(join(tmpdir(), 'clets-tls-'));
  const run = (...args: string[]): void => { execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' }); };
  run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=clets-test-ca');
  for (const [name, subject, extension] of [
    ['server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1'],
    ['client', '/O=LASD/CN=LA02', 'extendedKeyUsage=clientAuth'],
  ] as const) {
    run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    execFileSync('sh', ['-c', `printf '%s\\n' '${extension}' > ${name}.ext`], { cwd: dir });
    run('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  }
  return {
    dir, ca: join(dir, 'ca.pem'), serverCert: join(dir, 'server.pem'), serverKey: join(dir, 'server.key'),
    clientCert: join(dir, 'client.pem'), clientKey: join(dir, 'client.key'),
  };
}

let sw: CletsSwitch | undefined;
afterEach(async () => {
  await sw?.close();
  sw = undefined;
});

describe.skipIf(!HAS_OPENSSL)('switch over TLS', () => {
  it('serves wss:// to terminals and https:// to the gateway, and passes a verified client certificate to the policy', async () => {
    const certificates = makeCertificates();
    const registry = buildRegistry({
      agencies: [{ ori: 'CA0190000', name: 'LASD', countyCode: '19', active: true }],
      terminals: [{ mnemonic: 'LA02', ori: 'CA0190000', class: 'desk', deviceSecret: 'device-secret-la02' }],
      operators: [{ id: 'OP1', ori: 'CA0190000', role: 'FAO', password: 'full-access-pass', deactivated: false }],
    });
    const sources: ConnectionSource[] = [];
    const plain = new PlainSecurityPolicy(registry);
    const policy = Object.assign(Object.create(plain) as PlainSecurityPolicy, {
      authenticateTerminal: (hello: Parameters<PlainSecurityPolicy['authenticateTerminal']>[0], source: ConnectionSource) => {
        sources.push(source);
        return plain.authenticateTerminal(hello);
      },
    });
    sw = await buildSwitch({
      tls: { certFile: certificates.serverCert, keyFile: certificates.serverKey, clientCaFile: certificates.ca },
      messagesPath: ':memory:', log: { level: 'silent' },
    }, { audit: new MemoryAuditStore(), registry, policy });
    const { terminals, http } = await sw.listen();
    expect(terminals).toMatch(/^wss:\/\//);
    expect(http).toMatch(/^https:\/\//);
    const ca = readFileSync(certificates.ca);

    // A terminal without a client certificate: device secret over wss.
    const client = new TerminalClient({ url: terminals, mnemonic: 'LA02', deviceSecret: 'device-secret-la02', tls: { ca } });
    await client.connect();
    expect((await client.login({ operatorId: 'OP1', password: 'full-access-pass' })).ok).toBe(true);
    await client.close();
    expect(sources[0]?.certificateSubject).toBeUndefined();

    // With a client certificate the CA issued, its subject reaches the policy.
    const socket = new WebSocket(terminals, {
      perMessageDeflate: false, ca, cert: readFileSync(certificates.clientCert), key: readFileSync(certificates.clientKey),
    });
    await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
    const banner = new Promise<Buffer>((resolve) => socket.once('message', (data) => resolve(data as Buffer)));
    socket.send(encodeFrame({ terminalHello: { mnemonic: 'LA02', deviceSecret: 'device-secret-la02', protocolVersion: 1 } }));
    expect(decodeFrame(await banner).body).toBe('loginBanner');
    expect(sources[1]?.certificateSubject).toBe('CN=LA02,O=LASD');
    socket.close();

    // The gateway answers over https.
    const response = await new Promise<number>((resolve, reject) => {
      const agent = new Agent({ ca });
      import('node:https').then(({ get }) => {
        get(`${http}/healthz`, { agent }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject);
      }, reject);
    });
    expect(response).toBe(200);
  });
});
