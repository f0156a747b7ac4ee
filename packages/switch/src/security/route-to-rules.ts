/**
 * Right to know, need to know (docs/domain.md section 3): every inquiry and update states who asked
 * (requester), the specific reason, and the case number, or a documented reason there is
 * none ("case number is best"). CORI audits most often find the route-to not compliant or
 * the case number missing, so a vague reason is refused with a message that asks for the
 * specific one. Criminal-history keys carry a purpose code; the federal-only codes (S, V, X,
 * R) are refused to state and local agencies.
 *
 * The catalogue validation already refuses an absent route-to; these rules are the policy's
 * own, applied again here so that no path (gateway, link, a looser validator) skips them.
 */
import { CletsError, type MessageKeyDefinition, type RouteTo } from '@clets/protocol';
import type { CjisSettings } from './settings.js';

/** Upper case, blanks collapsed, surrounding punctuation dropped. */
function normalize(text: string): string {
  return text.toUpperCase().replace(/\s+/g, ' ').trim();
}

/** Reasons whose verdict VagueReasonRule keeps; the oldest is dropped past it. */
const VERDICT_CACHE_SIZE = 10_000;

/** A compiled view of the vague-reason settings (built once per policy). */
export class VagueReasonRule {
  readonly #phrases: ReadonlySet<string>;
  readonly #words: ReadonlySet<string>;
  readonly #minLetters: number;
  readonly #minWordLetters: number;
  /** Verdicts by reason as typed: a county's reasons repeat ("TRAFFIC STOP", a case's own words). */
  readonly #verdicts = new Map<string, boolean>();

  constructor(settings: CjisSettings['routeTo']) {
    this.#phrases = new Set(settings.vagueReasons.map(normalize));
    this.#words = new Set([...settings.vagueReasons, ...settings.fillerWords].map(normalize).filter((word) => !word.includes(' ')));
    this.#minLetters = settings.minReasonLetters;
    this.#minWordLetters = settings.minWordLetters;
  }

  /**
   * Whether a reason says nothing specific: it is one of the vague phrases; or it has fewer
   * than `minReasonLetters` letters ("X", "DUI"); or none of its words is a word of its own:
   * at least `minWordLetters` letters, not one letter repeated, and neither vague nor filler
   * ("ROUTINE CHECK", "INFO REQUEST", "X Y Z Q R S", "XXXXXX").
   */
  isVague(reason: string): boolean {
    const cached = this.#verdicts.get(reason);
    if (cached !== undefined) return cached;
    const verdict = this.#judge(reason);
    if (this.#verdicts.size >= VERDICT_CACHE_SIZE) this.#verdicts.delete(this.#verdicts.keys().next().value as string);
    this.#verdicts.set(reason, verdict);
    return verdict;
  }

  #judge(reason: string): boolean {
    const text = normalize(reason);
    if (this.#phrases.has(text)) return true;
    if ((text.match(/[A-Z]/g)?.length ?? 0) < this.#minLetters) return true;
    const words = text.split(/[\s,/-]+/).filter((word) => word !== '');
    return !words.some((word) => this.#isWordOfItsOwn(word));
  }

  #isWordOfItsOwn(word: string): boolean {
    if (this.#words.has(word) || this.#phrases.has(word)) return false;
    const letters = word.match(/[A-Z]/g) ?? [];
    return letters.length >= this.#minWordLetters && new Set(letters).size > 1;
  }
}

export interface RouteToRuleOptions {
  readonly settings: CjisSettings;
  readonly vague: VagueReasonRule;
}

/**
 * Applies the route-to and purpose-code rules of a key. Throws the CletsError of the first
 * rule broken.
 */
export function checkRouteToRules(definition: MessageKeyDefinition, routeTo: RouteTo | null | undefined, options: RouteToRuleOptions): void {
  const { settings, vague } = options;
  if (definition.routeToRequired) {
    const requester = (routeTo?.requester ?? '').trim();
    const reason = (routeTo?.reason ?? '').trim();
    const caseNumber = (routeTo?.caseNumber ?? '').trim();
    const noCaseReason = (routeTo?.noCaseReason ?? '').trim();
    if (requester === '') {
      throw new CletsError('CLETS_ERR_ROUTE_TO_INCOMPLETE', `${definition.key} needs the requester (REQ): who asked for this inquiry`, { field: 'RTE' });
    }
    if (reason === '') {
      throw new CletsError('CLETS_ERR_ROUTE_TO_INCOMPLETE', `${definition.key} needs the specific reason (RSN) for this inquiry`, { field: 'RTE' });
    }
    if (vague.isVague(reason)) {
      throw new CletsError('CLETS_ERR_ROUTE_TO_VAGUE_REASON', `'${reason.slice(0, 40)}' does not say why: state the specific reason (e.g. TRAFFIC STOP, SUSPECT IN BURGLARY 26-0412)`, { field: 'RTE' });
    }
    if (settings.routeTo.caseNumberRequired) {
      if (caseNumber === '' && noCaseReason === '') {
        throw new CletsError('CLETS_ERR_CASE_NUMBER_MISSING', 'give the case number (CASE), or the reason there is none (NOCASE)', { field: 'RTE' });
      }
      if (caseNumber === '' && vague.isVague(noCaseReason)) {
        throw new CletsError('CLETS_ERR_CASE_NUMBER_MISSING', `'${noCaseReason.slice(0, 40)}' does not document why there is no case number: state it specifically (e.g. FIELD CONTACT NO REPORT)`, { field: 'RTE' });
      }
    }
  }
  checkPurposeCode(definition, routeTo, settings);
}

/** Criminal-history purpose codes: required where the key says so; federal-only codes refused. */
export function checkPurposeCode(definition: MessageKeyDefinition, routeTo: RouteTo | null | undefined, settings: CjisSettings): void {
  const purpose = (routeTo?.purposeCode ?? '').trim().toUpperCase();
  if (purpose === '') {
    if (definition.purposeCodeRequired) {
      throw new CletsError('CLETS_ERR_PURPOSE_CODE_MISSING', `${definition.key} needs a purpose code (PUR)`, { field: 'PUR' });
    }
    return;
  }
  if (!settings.purposeCodes.known.includes(purpose)) {
    throw new CletsError('CLETS_ERR_PURPOSE_CODE_INVALID', `PUR ${purpose.slice(0, 4)}`, { field: 'PUR' });
  }
  if (settings.purposeCodes.federalOnly.includes(purpose)) {
    throw new CletsError('CLETS_ERR_PURPOSE_CODE_FEDERAL_ONLY', `PUR ${purpose} may be used by federal agencies only`, { field: 'PUR' });
  }
}

/**
 * Whether an audited route-to is complete by these rules (the CORI compliance report):
 * requester, a specific reason, and a case number or a documented reason there is none.
 */
export interface RouteToText {
  readonly requester?: string | null | undefined;
  readonly reason?: string | null | undefined;
  readonly caseNumber?: string | null | undefined;
  readonly noCaseReason?: string | null | undefined;
}

export function routeToComplete(routeTo: RouteToText | undefined, vague: VagueReasonRule): boolean {
  if (routeTo === undefined) return false;
  const requester = (routeTo.requester ?? '').trim();
  const reason = (routeTo.reason ?? '').trim();
  const caseNumber = (routeTo.caseNumber ?? '').trim();
  const noCaseReason = (routeTo.noCaseReason ?? '').trim();
  return requester !== '' && reason !== '' && !vague.isVague(reason) && (caseNumber !== '' || (noCaseReason !== '' && !vague.isVague(noCaseReason)));
}
