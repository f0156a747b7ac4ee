/**
 * Keeps secrets out of every text the client hands to its caller. CJIS: passwords are never
 * logged; an error message or event is the first thing a caller logs, so the client scrubs
 * the text a switch sends back (a login refusal's reason, a close reason) before it passes
 * it on. Scrubbing is by value, so it also catches a switch that echoes what it was sent.
 */
export const REDACTED = '[REDACTED]';

export class SecretRedactor {
  #secrets: string[] = [];

  /** Adds a value to scrub; empty values are ignored. */
  add(secret: string | undefined): void {
    if (secret === undefined || secret === '' || this.#secrets.includes(secret)) return;
    // Longest first, so a secret that contains another is replaced whole.
    this.#secrets = [...this.#secrets, secret].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }
}
