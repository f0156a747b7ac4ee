/**
 * Which message keys need a route-to, from the message-key catalogue (every inquiry and
 * update): the default `requiresRouteTo` of the route-to compliance report.
 */
import { CATALOGUE } from '@clets/protocol';

export function catalogueRequiresRouteTo(messageKey: string): boolean {
  return CATALOGUE.get(messageKey)?.routeToRequired ?? false;
}
