/**
 * Who owns an ORI or a terminal mnemonic among the county switches linked to the state
 * switch, and which of a county's claims (its LinkHello announcement, the header of its
 * requests) are rightfully its own. Pure: the switch passes its config, what it serves
 * itself and what each county holds now; nothing here reads a clock or a socket.
 *
 * The state decides from its own configuration, never from what a county says of itself:
 * - an ORI is a county's when the state's config lists it for that county (`oris`), or when
 *   it lies in the county's code (a California ORI is `CA` + the 3-digit county + the
 *   agency: county 19 owns `CA019....`) and no other county lists it explicitly;
 * - a terminal is a county's when the county's configured terminal patterns match it best
 *   (a 4-character mnemonic, or a shorter prefix: `SD` is every `SD..` terminal), or, when
 *   no county's patterns match, when it is not held by another county (held: announced by
 *   that county before and accepted, remembered across restarts). A county with patterns
 *   configured may claim only terminals they match.
 * - nothing this switch serves itself (the state's own agencies and terminals) is a county's.
 */

const ORI_PATTERN = /^[A-Z]{2}[0-9A-Z]{7}$/;
const TERMINAL_PATTERN = /^[A-Z0-9]{4}$/;

/** What the state's config says a county switch owns. */
export interface PeerOwnershipRule {
  readonly peer: string;
  /** The county code ("19"): every California ORI of that county. */
  readonly county?: string | undefined;
  /** ORIs listed for this county explicitly (they win over another county's code). */
  readonly oris: readonly string[];
  /** Terminal mnemonics (4 characters) or mnemonic prefixes (1 to 3) of this county. */
  readonly terminals: readonly string[];
}

/** Everything ownership is decided from. */
export interface OwnershipView {
  readonly rules: readonly PeerOwnershipRule[];
  /** ORIs and terminals this switch serves itself. */
  readonly localOris: { has(ori: string): boolean };
  readonly localTerminals: { has(terminal: string): boolean };
  /** Terminals each county holds now (accepted from its announcements), by peer id. */
  readonly held: ReadonlyMap<string, ReadonlySet<string>>;
}

export type ClaimRefusalReason =
  /** Not a 9-character ORI or a 4-character mnemonic. */
  | 'malformed'
  /** This switch serves it itself. */
  | 'local'
  /** Another county owns it (by config, or it announced it first). */
  | 'other_peer'
  /** An ORI outside the county's code and not listed for it. */
  | 'not_its_county'
  /** A terminal outside the county's configured terminal patterns. */
  | 'not_configured';

export interface ClaimRefusal {
  readonly kind: 'ori' | 'terminal';
  readonly value: string;
  readonly reason: ClaimRefusalReason;
  /** The rightful owner, when another county is. */
  readonly owner?: string;
}

export interface JudgedClaims {
  readonly oris: string[];
  readonly terminals: string[];
  readonly refused: ClaimRefusal[];
}

/** The ORI prefix of a California county code: county 19 -> `CA019`. */
export function countyOriPrefix(county: string): string {
  return `CA0${county}`;
}

/** Whether a configured terminal pattern (a mnemonic or a prefix of one) names a terminal. */
function patternMatches(pattern: string, terminal: string): boolean {
  return pattern.length === 4 ? pattern === terminal : terminal.startsWith(pattern);
}

/** The county whose configured patterns match a terminal best (longest pattern), if any. */
export function configuredTerminalOwner(terminal: string, rules: readonly PeerOwnershipRule[]): string | undefined {
  let owner: string | undefined;
  let best = 0;
  for (const rule of rules) {
    for (const pattern of rule.terminals) {
      if (pattern.length > best && patternMatches(pattern, terminal)) {
        owner = rule.peer;
        best = pattern.length;
      }
    }
  }
  return owner;
}

/** The county that owns an ORI by the config (explicit list first, then county code). */
export function configuredOriOwner(ori: string, rules: readonly PeerOwnershipRule[]): string | undefined {
  const listed = rules.find((rule) => rule.oris.includes(ori));
  if (listed !== undefined) return listed.peer;
  return rules.find((rule) => rule.county !== undefined && ori.startsWith(countyOriPrefix(rule.county)))?.peer;
}

/** Why `peer` may not have this ORI, or undefined when it is the peer's. */
export function judgeOri(peer: string, ori: string, view: OwnershipView): ClaimRefusal | undefined {
  if (!ORI_PATTERN.test(ori)) return { kind: 'ori', value: ori, reason: 'malformed' };
  if (view.localOris.has(ori)) return { kind: 'ori', value: ori, reason: 'local' };
  const owner = configuredOriOwner(ori, view.rules);
  if (owner === peer) return undefined;
  if (owner !== undefined) return { kind: 'ori', value: ori, reason: 'other_peer', owner };
  return { kind: 'ori', value: ori, reason: 'not_its_county' };
}

/** Why `peer` may not claim this terminal, or undefined when it may. */
export function judgeTerminal(peer: string, terminal: string, view: OwnershipView): ClaimRefusal | undefined {
  if (!TERMINAL_PATTERN.test(terminal)) return { kind: 'terminal', value: terminal, reason: 'malformed' };
  if (view.localTerminals.has(terminal)) return { kind: 'terminal', value: terminal, reason: 'local' };
  const configured = configuredTerminalOwner(terminal, view.rules);
  if (configured === peer) return undefined;
  if (configured !== undefined) return { kind: 'terminal', value: terminal, reason: 'other_peer', owner: configured };
  const ownRule = view.rules.find((rule) => rule.peer === peer);
  if (ownRule !== undefined && ownRule.terminals.length > 0) return { kind: 'terminal', value: terminal, reason: 'not_configured' };
  for (const [other, terminals] of view.held) {
    if (other !== peer && terminals.has(terminal)) return { kind: 'terminal', value: terminal, reason: 'other_peer', owner: other };
  }
  return undefined;
}

/**
 * Whether a terminal is `peer`'s own, as the header of its requests must name: configured
 * for it, or held by it (announced and accepted). Free terminals are nobody's.
 */
export function peerOwnsTerminal(peer: string, terminal: string, view: OwnershipView): boolean {
  if (judgeTerminal(peer, terminal, view) !== undefined) return false;
  return configuredTerminalOwner(terminal, view.rules) === peer || (view.held.get(peer)?.has(terminal) ?? false);
}

/**
 * Splits what a county claims into what is rightfully its own and what is refused. Each
 * value is judged once (duplicates collapse); the order of the claim is kept.
 */
export function judgePeerClaims(
  peer: string, claims: { readonly oris: Iterable<string>; readonly terminals: Iterable<string> }, view: OwnershipView,
): JudgedClaims {
  const oris: string[] = [];
  const terminals: string[] = [];
  const refused: ClaimRefusal[] = [];
  for (const ori of new Set(claims.oris)) {
    const refusal = judgeOri(peer, ori, view);
    if (refusal === undefined) oris.push(ori);
    else refused.push(refusal);
  }
  for (const terminal of new Set(claims.terminals)) {
    const refusal = judgeTerminal(peer, terminal, view);
    if (refusal === undefined) terminals.push(terminal);
    else refused.push(refusal);
  }
  return { oris, terminals, refused };
}
