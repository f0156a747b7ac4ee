/**
 * The routing table: data, built from config (and, at the state switch, from what county
 * switches announce when they link up). It is immutable: a change builds a new table and
 * the switch swaps it whole, so a route decision never sees half an update.
 */
import { DEFAULT_TARGET_SYSTEM, TARGETS, type SystemName, type Target } from '@clets/protocol';

export interface RoutingTable {
  /** This switch's identity ("county-19", "state"). */
  readonly switchId: string;
  /** Which link carries each target: a system link ("NCIC") or "upstream". */
  readonly targetLinks: ReadonlyMap<Target, string>;
  /** ORIs whose terminals hang on this switch. */
  readonly localOris: ReadonlySet<string>;
  /** Terminal mnemonics registered on this switch, with their ORI. */
  readonly localTerminals: ReadonlyMap<string, string>;
  /** County codes served here ("19"); a county broadcast is addressed "C19". */
  readonly localCounties: ReadonlySet<string>;
  /** State switch: which peer link (a county switch) serves an ORI, terminal or county. */
  readonly peerOris: ReadonlyMap<string, string>;
  readonly peerTerminals: ReadonlyMap<string, string>;
  readonly peerCounties: ReadonlyMap<string, string>;
  /** County switch: the link to the state switch, where everything unknown goes. */
  readonly upstream: string | undefined;
}

export interface RoutingTableInput {
  switchId: string;
  /** Target -> link name. Targets not listed go to the link named after their default system,
   *  or upstream when `defaultToUpstream` is set (a county switch with no direct links). */
  targetLinks?: Partial<Record<Target, string>>;
  defaultToUpstream?: boolean;
  localOris?: Iterable<string>;
  localTerminals?: Iterable<readonly [mnemonic: string, ori: string]>;
  localCounties?: Iterable<string>;
  peerOris?: Iterable<readonly [string, string]>;
  peerTerminals?: Iterable<readonly [string, string]>;
  peerCounties?: Iterable<readonly [string, string]>;
  upstream?: string;
}

export const UPSTREAM_LINK = 'upstream';

export function buildRoutingTable(input: RoutingTableInput): RoutingTable {
  const targetLinks = new Map<Target, string>();
  for (const target of TARGETS) {
    const explicit = input.targetLinks?.[target];
    const fallback = input.defaultToUpstream && input.upstream ? input.upstream : DEFAULT_TARGET_SYSTEM[target];
    targetLinks.set(target, explicit ?? fallback);
  }
  return Object.freeze({
    switchId: input.switchId,
    targetLinks,
    localOris: new Set(input.localOris ?? []),
    localTerminals: new Map(input.localTerminals ?? []),
    localCounties: new Set(input.localCounties ?? []),
    peerOris: new Map(input.peerOris ?? []),
    peerTerminals: new Map(input.peerTerminals ?? []),
    peerCounties: new Map(input.peerCounties ?? []),
    upstream: input.upstream,
  });
}

/**
 * A new table with a peer's ORIs, terminals and counties (state switch, on link up), in
 * place of what that peer had before. An entry another peer already holds is left to it:
 * a peer never displaces another (the switch judges claims first, `judgePeerClaims`; this
 * is the last line of that rule).
 */
export function withPeer(
  table: RoutingTable,
  peer: { link: string; oris: Iterable<string>; terminals: Iterable<string>; counties?: Iterable<string> },
): RoutingTable {
  const replace = (entries: ReadonlyMap<string, string>, values: Iterable<string>): Map<string, string> => {
    const next = new Map([...entries].filter(([, link]) => link !== peer.link));
    for (const value of values) if (!next.has(value)) next.set(value, peer.link);
    return next;
  };
  return Object.freeze({
    ...table,
    peerOris: replace(table.peerOris, peer.oris),
    peerTerminals: replace(table.peerTerminals, peer.terminals),
    peerCounties: replace(table.peerCounties, peer.counties ?? []),
  });
}

/** The system a target belongs to, whatever link carries it. */
export function systemOf(target: Target): SystemName {
  return DEFAULT_TARGET_SYSTEM[target];
}
