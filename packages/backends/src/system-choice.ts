/**
 * Which hosted system answers a LinkRequest that names none: the one the message key's
 * route sends it to. The switch normally names the system; this covers a link to `/` that
 * does not (a DQ by OLS state goes to DMV at home and to NLETS for another state).
 */
import { DEFAULT_TARGET_SYSTEM, type MessageKeyDefinition, type Target, type Transaction } from '@clets/protocol';
import type { SystemChooser } from './request-dispatcher.js';

/** Looks a message key up in the catalogue (`messageKey` of @clets/protocol). */
export type MessageKeyLookup = (key: string) => MessageKeyDefinition | undefined;

/**
 * A chooser following the catalogue's route rules. Among the candidate systems (those on
 * the link that answer the key) it takes the first the route names; a route naming none of
 * them (agency-to-agency keys) falls back to the first candidate.
 */
export function chooseByRoute(lookup: MessageKeyLookup): SystemChooser {
  return (transaction, candidates) => {
    const definition = lookup(transaction.header?.messageKey ?? '');
    const routed = definition ? targetsOf(definition, transaction).map((target) => DEFAULT_TARGET_SYSTEM[target]) : [];
    return routed.find((system) => candidates.includes(system)) ?? candidates[0];
  };
}

function targetsOf(definition: MessageKeyDefinition, transaction: Transaction): readonly Target[] {
  const route = definition.route;
  switch (route.kind) {
    case 'fanout':
      return route.targets;
    case 'by-state': {
      const state = transaction.fields?.find((field) => field.tag === route.field)?.value?.trim().toUpperCase();
      // No state given: the home state's files, as an operator in California means.
      return !state || state === route.homeState ? route.home : route.other;
    }
    case 'nlets-states':
      return ['NLETS'];
    case 'destinations':
    case 'local':
    case 'none':
      return [];
  }
}

