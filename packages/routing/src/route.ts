/**
 * The route decision: given a validated transaction and the routing table, which systems
 * (fan-out legs) or which terminals and switches (deliveries) it goes to. Pure: no sockets,
 * clock or logger, so it is tested with data and benchmarked in-process.
 */
import { CletsError, type DownPolicy, type MessageKeyDefinition, type SystemName, type Target, type Transaction } from '@clets/protocol';
import { systemOf, type RoutingTable } from './routing-table.js';

/** The parts of a validated transaction routing reads. */
export interface RoutableTransaction {
  readonly definition: MessageKeyDefinition;
  /** Field tag -> value, as validated. */
  readonly fields: ReadonlyMap<string, string>;
  readonly transaction: Transaction;
}

/** One system a transaction fans out to, and the link that carries it. */
export interface SystemLeg {
  readonly link: string;
  readonly system: SystemName;
  /** The files of that system the key searches (CORI: WPS, CARPOS...). */
  readonly targets: readonly Target[];
  /** Nlets: the destination states ("NV", or "NL" for the multi-state form). */
  readonly destinations: readonly string[];
}

/** Where an agency-to-agency message (AM, YQ, YR) goes. */
export interface Deliveries {
  /** Terminals on this switch, each with the destination that named it. */
  readonly local: readonly { readonly terminal: string; readonly destination: string }[];
  /** Other switches: link name -> the destinations to pass on. */
  readonly remote: ReadonlyMap<string, readonly string[]>;
  /** Destinations no switch on the path knows. */
  readonly unknown: readonly string[];
}

export type RouteDecision =
  | { readonly kind: 'systems'; readonly legs: readonly SystemLeg[]; readonly whenDown: DownPolicy }
  | { readonly kind: 'deliver'; readonly deliveries: Deliveries; readonly whenDown: DownPolicy }
  /** The switch answers it itself, from the records it keeps (RL: the release log). */
  | { readonly kind: 'local' };

export interface RouteContext {
  /** The link a transaction arrived on, when it came from another switch (never routed back). */
  readonly fromLink?: string;
}

const BROADCAST = 'ALL';
const COUNTY_DESTINATION = /^C(\d{2})$/;
const ORI_DESTINATION = /^[A-Z]{2}[0-9A-Z]{7}$/;
const TERMINAL_DESTINATION = /^[A-Z0-9]{4}$/;

export function routeTransaction(routable: RoutableTransaction, table: RoutingTable, context: RouteContext = {}): RouteDecision {
  const { definition } = routable;
  const rule = definition.route;
  switch (rule.kind) {
    case 'fanout': {
      const decisions = systemDecisionsOf(table, definition);
      return decisions.fixed ??= systemDecision(legsFor(rule.targets, [], table, definition.key), definition);
    }
    case 'by-state': {
      const state = routable.fields.get(rule.field);
      if (state === undefined) {
        throw new CletsError('CLETS_ERR_FIELD_MISSING', `${rule.field} decides where ${definition.key} goes`, { field: rule.field });
      }
      const decisions = systemDecisionsOf(table, definition);
      if (state === rule.homeState) return decisions.fixed ??= systemDecision(legsFor(rule.home, [], table, definition.key), definition);
      const known = decisions.byState.get(state);
      if (known !== undefined) return known;
      const decision = systemDecision(legsFor(rule.other, [state], table, definition.key), definition);
      if (decisions.byState.size < STATES_KEPT) decisions.byState.set(state, decision);
      return decision;
    }
    case 'nlets-states': {
      const states = destinationsOf(routable.transaction);
      if (states.length === 0) {
        throw new CletsError('CLETS_ERR_DESTINATION_INVALID', `${definition.key} needs destination state codes (e.g. NV, or NL for all)`);
      }
      return { kind: 'systems', legs: legsFor(['NLETS'], states, table, definition.key), whenDown: definition.whenDown };
    }
    case 'destinations':
      return { kind: 'deliver', deliveries: resolveDeliveries(destinationsOf(routable.transaction), table, context), whenDown: definition.whenDown };
    case 'local':
      // Never passed on: the records it concerns (the operator's own transactions) are in
      // the audit log of the switch the operator works at.
      return { kind: 'local' };
    case 'none':
      throw new CletsError('CLETS_ERR_KEY_NOT_FROM_TERMINAL', definition.key);
  }
}

/**
 * A fan-out decision depends only on the key and the table (and, routed by state, on the
 * state), and both are immutable: the table is swapped whole on a change. So each is built
 * once per table and shared, frozen, by every transaction that takes it.
 */
interface SystemDecisions {
  /** The fan-out, or the home state's route of a by-state key. */
  fixed: RouteDecision | undefined;
  /** A by-state key's route for each other state seen. */
  readonly byState: Map<string, RouteDecision>;
}

/** State codes whose decisions are kept per key: more than there are states and territories. */
const STATES_KEPT = 128;

const systemDecisions = new WeakMap<RoutingTable, WeakMap<MessageKeyDefinition, SystemDecisions>>();

function systemDecisionsOf(table: RoutingTable, definition: MessageKeyDefinition): SystemDecisions {
  let byKey = systemDecisions.get(table);
  if (byKey === undefined) {
    byKey = new WeakMap();
    systemDecisions.set(table, byKey);
  }
  let decisions = byKey.get(definition);
  if (decisions === undefined) {
    decisions = { fixed: undefined, byState: new Map() };
    byKey.set(definition, decisions);
  }
  return decisions;
}

function systemDecision(legs: SystemLeg[], definition: MessageKeyDefinition): RouteDecision {
  for (const leg of legs) {
    Object.freeze(leg.targets);
    Object.freeze(leg.destinations);
    Object.freeze(leg);
  }
  return Object.freeze({ kind: 'systems', legs: Object.freeze(legs), whenDown: definition.whenDown });
}

function destinationsOf(transaction: Transaction): readonly string[] {
  return transaction.header?.destinations ?? [];
}

function legsFor(targets: readonly Target[], destinations: readonly string[], table: RoutingTable, key: string): SystemLeg[] {
  // Group targets by system: one request per system, which searches all its files.
  const legs: { link: string; system: SystemName; targets: Target[]; destinations: readonly string[] }[] = [];
  for (const target of targets) {
    const link = table.targetLinks.get(target);
    if (link === undefined) throw new CletsError('CLETS_ERR_NO_ROUTE', `${key}: no link for ${target}`);
    const system = systemOf(target);
    const leg = legs.find((candidate) => candidate.system === system);
    if (leg) leg.targets.push(target);
    else legs.push({ link, system, targets: [target], destinations });
  }
  return legs;
}

/**
 * Resolves agency-to-agency destinations. Terminals and ORIs served here are delivered
 * locally; those a peer county serves go to that peer (state switch); anything else goes
 * upstream (county switch) or is unknown (state switch). A broadcast ("ALL") reaches every
 * local terminal and every other switch but the one it came from; a county broadcast
 * ("C19") reaches every terminal of that county.
 */
export function resolveDeliveries(destinations: readonly string[], table: RoutingTable, context: RouteContext = {}): Deliveries {
  const local: { terminal: string; destination: string }[] = [];
  const seenTerminals = new Set<string>();
  const remote = new Map<string, string[]>();
  const unknown: string[] = [];
  const addLocal = (terminal: string, destination: string): void => {
    if (seenTerminals.has(terminal)) return;
    seenTerminals.add(terminal);
    local.push({ terminal, destination });
  };
  const addRemote = (link: string | undefined, destination: string): boolean => {
    if (link === undefined || link === context.fromLink) return false;
    const list = remote.get(link) ?? [];
    if (!list.includes(destination)) list.push(destination);
    remote.set(link, list);
    return true;
  };

  for (const destination of destinations) {
    if (destination === BROADCAST) {
      for (const terminal of table.localTerminals.keys()) addLocal(terminal, destination);
      addRemote(table.upstream, destination);
      for (const link of new Set(table.peerCounties.values())) addRemote(link, destination);
      for (const link of new Set(table.peerOris.values())) addRemote(link, destination);
      continue;
    }
    const county = COUNTY_DESTINATION.exec(destination)?.[1];
    if (county !== undefined) {
      if (table.localCounties.has(county)) {
        for (const terminal of table.localTerminals.keys()) addLocal(terminal, destination);
      } else if (!addRemote(table.peerCounties.get(county) ?? table.upstream, destination)) {
        unknown.push(destination);
      }
      continue;
    }
    if (ORI_DESTINATION.test(destination) && table.localOris.has(destination)) {
      let found = false;
      for (const [terminal, ori] of table.localTerminals) {
        if (ori === destination) {
          addLocal(terminal, destination);
          found = true;
        }
      }
      if (!found) unknown.push(destination);
      continue;
    }
    if (TERMINAL_DESTINATION.test(destination) && table.localTerminals.has(destination)) {
      addLocal(destination, destination);
      continue;
    }
    const peer = table.peerOris.get(destination) ?? table.peerTerminals.get(destination);
    if (!addRemote(peer ?? table.upstream, destination)) unknown.push(destination);
  }
  return { local, remote, unknown };
}

/** Where a frame addressed to one terminal goes next: delivered here, or on a link. */
export type TerminalRoute =
  | { readonly kind: 'local' }
  | { readonly kind: 'link'; readonly link: string }
  | { readonly kind: 'unknown' };

/**
 * The next hop of traffic that answers a terminal rather than an agency (a late delivery
 * report, an escalation notice): the terminal's own switch delivers it; the state switch
 * hands it to the county that announced the terminal; a county sends anything else
 * upstream. Never back on the link it came from (that would loop).
 */
export function routeToTerminal(terminal: string, table: RoutingTable, context: RouteContext = {}): TerminalRoute {
  if (table.localTerminals.has(terminal)) return { kind: 'local' };
  const link = table.peerTerminals.get(terminal) ?? table.upstream;
  if (link === undefined || link === context.fromLink) return { kind: 'unknown' };
  return { kind: 'link', link };
}

/** A destination that names many terminals at once ("ALL", a county "C19"). */
export function isBroadcastDestination(destination: string): boolean {
  return destination === BROADCAST || COUNTY_DESTINATION.test(destination);
}
