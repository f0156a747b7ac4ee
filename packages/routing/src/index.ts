export { buildRoutingTable, withPeer, systemOf, UPSTREAM_LINK, type RoutingTable, type RoutingTableInput } from './routing-table.js';
export {
  routeTransaction, resolveDeliveries, routeToTerminal, isBroadcastDestination,
  type TerminalRoute, type RoutableTransaction, type SystemLeg, type Deliveries, type RouteDecision, type RouteContext,
} from './route.js';
export { DuplicateWindow, replayKey, replayScopeKey, type DuplicateLookup, type ReplayScope } from './duplicate-window.js';
