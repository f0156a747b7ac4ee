/**
 * What each county switch linked to the state rightfully owns, kept by the state switch:
 * the rules come from the state's own config (`peers[].county`, `oris`, `terminals`), the
 * terminals each county holds from what it announced and was accepted (remembered in the
 * message store across restarts). The judging itself is the pure `judgePeerClaims` of
 * @clets/routing; this class holds the state it judges against.
 *
 * Used when a county links (its announcement: what is not its own never enters the routing
 * table), on every request a county sends up (its header must name an ORI and a terminal of
 * that county), and on what it reports unsolicited (README.md, "What a county owns").
 */
import { CletsError, type Header } from '@clets/protocol';
import {
  judgeOri, judgePeerClaims, peerOwnsTerminal,
  type ClaimRefusal, type JudgedClaims, type OwnershipView, type PeerOwnershipRule,
} from '@clets/routing';
import type { SwitchConfig } from '../config.js';
import type { PeerAnnouncement } from '../traffic/message-store.js';

/** What this switch serves itself (never a county's). */
export interface LocalEntries {
  readonly localOris: { has(ori: string): boolean };
  readonly localTerminals: { has(terminal: string): boolean };
}

export class PeerOwnership {
  readonly #rules: readonly PeerOwnershipRule[];
  readonly #local: () => LocalEntries;
  /** Terminals each county holds now: accepted from its last announcement. */
  readonly #held = new Map<string, ReadonlySet<string>>();

  constructor(peers: SwitchConfig['peers'], local: () => LocalEntries) {
    this.#rules = peers.map((peer) => ({ peer: peer.peerId, county: peer.county, oris: peer.oris, terminals: peer.terminals }));
    this.#local = local;
  }

  /** The terminals configured for a peer by full mnemonic (routable before it ever links). */
  configuredTerminals(peer: string): string[] {
    return this.#rules.find((rule) => rule.peer === peer)?.terminals.filter((pattern) => pattern.length === 4) ?? [];
  }

  /**
   * A county linked and announced these: what is its own is accepted and held from now on
   * (replacing what it held before), the rest refused.
   */
  accept(peer: string, claims: { readonly oris: Iterable<string>; readonly terminals: Iterable<string> }): JudgedClaims {
    const judged = judgePeerClaims(peer, claims, this.#view());
    this.#held.set(peer, new Set(judged.terminals));
    return judged;
  }

  /**
   * What the counties announced before this switch started, judged again against today's
   * config, oldest announcement first: without a configured terminal list, a terminal
   * claimed by two remembered announcements stays with the one that announced it first.
   */
  restore(announcements: readonly PeerAnnouncement[]): Map<string, JudgedClaims> {
    const results = new Map<string, JudgedClaims>();
    const known = new Set(this.#rules.map((rule) => rule.peer));
    const oldestFirst = [...announcements].filter((entry) => known.has(entry.peer)).sort((a, b) => a.announcedAt - b.announcedAt);
    for (const announcement of oldestFirst) results.set(announcement.peer, this.accept(announcement.peer, announcement));
    return results;
  }

  /**
   * Why a request from `peer` may not carry this header, or undefined when it names an ORI
   * and a terminal of that peer. A county speaks only for its own agencies and terminals; the
   * operator id it cannot be checked against here (the county authenticated its operator).
   */
  checkHeader(peer: string, header: Header | null | undefined): CletsError | undefined {
    const ori = header?.ori ?? '';
    const terminal = header?.terminal ?? '';
    const view = this.#view();
    if (ori === '' || judgeOri(peer, ori, view) !== undefined) {
      return new CletsError('CLETS_ERR_HEADER_MISMATCH', `header ORI '${clipped(ori)}' is not an ORI of ${peer}`, { field: 'ORI' });
    }
    if (terminal === '' || !peerOwnsTerminal(peer, terminal, view)) {
      return new CletsError('CLETS_ERR_HEADER_MISMATCH', `header terminal '${clipped(terminal)}' is not a terminal of ${peer}`, { field: 'terminal' });
    }
    return undefined;
  }

  /** Whether an ORI is `peer`'s by this switch's config (what a confirmation answer names). */
  ownsOri(peer: string, ori: string): boolean {
    return judgeOri(peer, ori, this.#view()) === undefined;
  }

  /**
   * Whether a destination as a sender wrote it (an ORI, a terminal, the county `Cnn`) is
   * `peer`'s: what a report of a delivery there may only come from.
   */
  ownsDestination(peer: string, destination: string): boolean {
    const county = /^C(\d{2})$/.exec(destination)?.[1];
    if (county !== undefined) return this.#rules.find((rule) => rule.peer === peer)?.county === county;
    if (destination.length === 9) return this.ownsOri(peer, destination);
    return peerOwnsTerminal(peer, destination, this.#view());
  }

  #view(): OwnershipView {
    const local = this.#local();
    return { rules: this.#rules, localOris: local.localOris, localTerminals: local.localTerminals, held: this.#held };
  }
}

/** One refusal in words, for a log line, an alert or a LinkWelcome reason. */
export function describeRefusal(refusal: ClaimRefusal): string {
  const what = `${refusal.kind === 'ori' ? 'ORI' : 'terminal'} ${clipped(refusal.value)}`;
  switch (refusal.reason) {
    case 'malformed': return `${what}: malformed`;
    case 'local': return `${what}: served by this switch`;
    case 'other_peer': return `${what}: belongs to ${refusal.owner ?? 'another peer'}`;
    case 'not_its_county': return `${what}: not of this county`;
    case 'not_configured': return `${what}: not among this county's configured terminals`;
  }
}

/** A claimed value as it may be shown: a peer chooses it, so its length is bounded here. */
export function clipped(value: string): string {
  return value.length <= 64 ? value : `${value.slice(0, 64)}...`;
}
