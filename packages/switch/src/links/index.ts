/** Outgoing links of the switch: to backend systems and to the state switch. */
export { LinkClient } from './link-client.js';
export type {
  LinkClientEvents,
  LinkClientOptions,
  LinkClientState,
  LinkClientStats,
  LinkLogger,
} from './link-options.js';
export type { LinkRequestHandler } from './upstream-requests.js';
export type { OutgoingLinkRequest } from './pending-requests.js';
