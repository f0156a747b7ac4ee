/**
 * The self-signed certificate the demo network serves TLS with (terminals, HTTP APIs, the
 * links between services), made by openssl: one certificate for 127.0.0.1 that is its own
 * CA, so a client trusts it by that one file. Where openssl is missing the demo serves plain
 * ws:// and http://, and the tests that need TLS are skipped (and counted as such).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

let found: boolean | undefined;

/** Whether openssl can be run here (checked once). */
export function hasOpenssl(): boolean {
  if (found === undefined) {
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
      found = true;
    } catch {
      found = false;
    }
  }
  return found;
}

export interface SelfSignedOptions {
  /** The certificate's subject (default `/CN=clets-sim`). */
  readonly subject?: string;
  /** Days it is valid (default 2: long enough for a run, short enough to be thrown away). */
  readonly days?: number;
  /** Its subjectAltName (default `IP:127.0.0.1`). */
  readonly altNames?: string;
  /** The files' base name in `dir` (default `tls`: `tls-cert.pem`, `tls-key.pem`). */
  readonly name?: string;
}

/** Makes a certificate and its key in `dir`; throws when openssl is missing or fails. */
export function selfSignedCertificate(dir: string, options: SelfSignedOptions = {}): { readonly cert: string; readonly key: string } {
  const name = options.name ?? 'tls';
  const cert = join(dir, `${name}-cert.pem`);
  const key = join(dir, `${name}-key.pem`);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', String(options.days ?? 2),
    '-subj', options.subject ?? '/CN=clets-sim', '-addext', `subjectAltName=${options.altNames ?? 'IP:127.0.0.1'}`,
  ], { stdio: 'ignore' });
  return { cert, key };
}
