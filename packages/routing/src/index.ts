export { buildRoutingTable, withPeer, systemOf, UPSTREAM_LINK, type RoutingTable, type RoutingTableInput } from './routing-table.js';
export {
  routeTransaction, resolveDeliveries, routeToTerminal, isBroadcastDestination,
  type TerminalRoute, type RoutableTransaction, type SystemLeg, type Deliveries, type RouteDecision, type RouteContext,
} from './route.js';
export { DuplicateWindow, replayKey, replayScopeKey, type DuplicateLookup, type ReplayScope } from './duplicate-window.js';
export {
  judgePeerClaims, judgeOri, judgeTerminal, peerOwnsTerminal, configuredOriOwner, configuredTerminalOwner, countyOriPrefix,
  type PeerOwnershipRule, type OwnershipView, type ClaimRefusal, type ClaimRefusalReason, type JudgedClaims,
} from './peer-claims.js';
