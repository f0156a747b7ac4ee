/**
 * Forms: `form QW` asks for a key's fields one by one, with each field's name and an example
 * or its codes, checks every answer with the field's edit as it is typed, follows the key's
 * rules (LIC needs LIS; at least one of DOB/SOC/...; SID or FBI, not both), asks the
 * route-to, and builds the mnemonic line. For operators who do not remember the tags.
 *
 * Built from the catalogue, so every key a terminal may send has a form, and a key added to
 * the catalogue has one too.
 */
import {
  CletsError, CONFIRMATION_CODES, EXTRADITION_CODES, EYE_CODES, FIELDS, fieldsOfKey, formatTransaction, HAIR_CODES,
  messageKey, ORDER_TYPE_CODES, PLATE_TYPE_CODES, PRIORITY_CODES, RACE_CODES, SEX_CODES, TEXT_TAG, VEHICLE_COLOR_CODES,
  WARRANT_TYPE_CODES, YES_NO_CODES,
  type FieldDefinition, type MessageKeyDefinition, type RouteTo, type Transaction,
} from '@clets/protocol';
import type { Ask } from './ask.js';
import { checkLine } from './check.js';
import { completeRouteTo } from './route-to.js';

export interface FormContext {
  /** The session's ORI, offered as the originating ORI. */
  readonly ori: string;
  readonly operatorId?: string | undefined;
  /** Shows explanations and refused answers. */
  readonly say: (text: string) => void;
}

/** Code lists of the fields that take codes, for the question and for `?`. */
const CODE_LISTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  SEX: SEX_CODES, RAC: RACE_CODES, EYE: EYE_CODES, HAI: HAIR_CODES, VCO: VEHICLE_COLOR_CODES, LIT: PLATE_TYPE_CODES,
  POT: ORDER_TYPE_CODES, WTY: WARRANT_TYPE_CODES, EXL: EXTRADITION_CODES, PRI: PRIORITY_CODES, CNF: CONFIRMATION_CODES,
  BRD: YES_NO_CODES,
};

/** Code lists this short are shown in the question itself. */
const INLINE_CODES = 7;

/** Typed at an optional field: skip the remaining optional fields. */
const SKIP_REST = '-';

type Requirement = 'required' | 'one-of' | 'optional';

/** What the operator answered: a value, nothing (skipped), or "skip the rest". */
type FieldAnswer = { readonly kind: 'value'; readonly value: string } | { readonly kind: 'skip' } | { readonly kind: 'skip-rest' };

/** The question for a field: tag, name, and its codes or an example. */
export function fieldQuestion(field: FieldDefinition, requirement: Requirement): string {
  const codes = CODE_LISTS[field.tag];
  let hint: string;
  if (codes === undefined) hint = ` (e.g. ${field.example})`;
  else if (Object.keys(codes).length <= INLINE_CODES) hint = ` [${Object.keys(codes).join(' ')}]`;
  else hint = ` (e.g. ${field.example}; ? lists the codes)`;
  return `${field.tag} ${field.name}${hint}${requirement === 'optional' ? ' - optional' : ''}`;
}

/** `?` at a field: its codes with their meanings, or its example and length. */
export function fieldExplanation(field: FieldDefinition): string {
  const codes = CODE_LISTS[field.tag];
  if (codes !== undefined) return `${field.tag} codes: ${Object.entries(codes).map(([code, meaning]) => `${code} ${meaning}`).join('; ')}`;
  return `${field.tag} ${field.name}: at most ${field.maxLength} characters, e.g. ${field.example}`;
}

/**
 * Runs the form for `keyText` and resolves with the line it built (checked by the catalogue,
 * as a typed line is) and its transaction. Rejects with CLETS_ERR_UNKNOWN_MESSAGE_KEY or
 * CLETS_ERR_KEY_NOT_FROM_TERMINAL for a key with no form, InputCancelled on Ctrl-C.
 */
export async function runForm(keyText: string, ask: Ask, context: FormContext): Promise<{ line: string; transaction: Transaction }> {
  const key = keyText.trim().toUpperCase();
  const definition = messageKey(key);
  if (definition === undefined) throw new CletsError('CLETS_ERR_UNKNOWN_MESSAGE_KEY', `'${key}': type help for the message keys`, { field: 'MKE' });
  if (definition.action === 'switch') throw new CletsError('CLETS_ERR_KEY_NOT_FROM_TERMINAL', `${key} (${definition.meaning}) is sent by the switch only`, { field: 'MKE' });
  return new Form(definition, ask, context).run();
}

class Form {
  readonly #values = new Map<string, string>();
  #ori = '';
  #destinations: string[] = [];
  #routeTo: RouteTo | undefined;

  constructor(
    private readonly definition: MessageKeyDefinition,
    private readonly ask: Ask,
    private readonly context: FormContext,
  ) {}

  async run(): Promise<{ line: string; transaction: Transaction }> {
    const { definition, context } = this;
    context.say(`FORM ${definition.key} - ${definition.meaning}`);
    context.say(`Enter skips an optional field, ${SKIP_REST} skips the remaining optional fields, ? explains a field, Ctrl-C abandons the form.`);
    this.#ori = await this.#askOri();
    if (this.#needsDestinations()) this.#destinations = await this.#askDestinations();

    for (const tag of definition.required) if (!this.#values.has(tag)) await this.#take(tag, 'required');
    for (const group of definition.anyOf) await this.#takeOneOf(group);
    for (const tag of definition.optional) {
      if (this.#values.has(tag) || this.#excluded(tag)) continue;
      if ((await this.#take(tag, 'optional')).kind === 'skip-rest') break;
    }
    if (definition.routeToRequired || definition.purposeCodeRequired) {
      const completed = await completeRouteTo(this.#build(), this.ask, { operatorId: context.operatorId, say: context.say });
      this.#routeTo = completed.transaction.routeTo ?? undefined;
    }

    // The rules across fields and the destinations are checked on the whole line; a problem
    // there sends the operator back to the field at fault.
    for (let attempt = 1; ; attempt++) {
      const line = formatTransaction(this.#build());
      const check = checkLine(line);
      if (check.ok) return { line, transaction: check.transaction };
      const error = check.error;
      const field = error.field ?? '';
      if (attempt > 5) throw error;
      context.say(error.message);
      if (error.code === 'CLETS_ERR_DESTINATION_INVALID') this.#destinations = await this.#askDestinations();
      else if (field === 'ORI') this.#ori = await this.#askOri();
      else if (fieldsOfKey(this.definition).includes(field)) {
        this.#values.delete(field);
        await this.#take(field, this.definition.required.includes(field) ? 'required' : 'optional');
      } else throw error;
    }
  }

  /** The transaction from the answers so far, fields in catalogue order, TXT last. */
  #build(): Transaction {
    const order = fieldsOfKey(this.definition);
    const fields = [...this.#values]
      .sort(([a], [b]) => (a === TEXT_TAG ? 1 : 0) - (b === TEXT_TAG ? 1 : 0) || order.indexOf(a) - order.indexOf(b))
      .map(([tag, value]) => ({ tag, value }));
    const transaction: Transaction = { header: { messageKey: this.definition.key, ori: this.#ori, destinations: this.#destinations }, fields };
    if (this.#routeTo !== undefined) transaction.routeTo = this.#routeTo;
    return transaction;
  }

  /** Asks one field (and then what it brings with it: LIC needs LIS, CNF/T needs ABY). */
  async #take(tag: string, requirement: Requirement): Promise<FieldAnswer> {
    const field = FIELDS.get(tag);
    if (field === undefined) throw new CletsError('CLETS_ERR_FIELD_UNKNOWN', `${this.definition.key} names field ${tag}, which has no definition`, { field: tag });
    const answer = await this.#askField(field, requirement);
    if (answer.kind !== 'value') return answer;
    this.#values.set(tag, answer.value);
    for (const group of this.definition.together) {
      if (group[0] !== tag) continue;
      for (const needed of group.slice(1)) if (!this.#values.has(needed)) await this.#take(needed, 'required');
    }
    for (const rule of this.definition.requiredWhen ?? []) {
      if (rule.field !== tag || rule.value !== answer.value) continue;
      for (const needed of rule.requires) if (!this.#values.has(needed)) await this.#take(needed, 'required');
    }
    return answer;
  }

  /** At least one field of the group: asked in order until one is given. */
  async #takeOneOf(group: readonly string[]): Promise<void> {
    if (group.some((tag) => this.#values.has(tag))) return;
    this.context.say(`At least one of: ${group.map((tag) => `${tag} ${FIELDS.get(tag)?.name ?? ''}`.trim()).join(' | ')}`);
    for (;;) {
      for (const tag of group) {
        if (this.#excluded(tag)) continue;
        if ((await this.#take(tag, 'one-of')).kind === 'value') return;
      }
      this.context.say(`${this.definition.key} needs at least one of ${group.join(', ')}`);
    }
  }

  /** Another field of one of its "at most one of" groups is given already. */
  #excluded(tag: string): boolean {
    return this.definition.exclusive.some((group) => group.includes(tag) && group.some((other) => other !== tag && this.#values.has(other)));
  }

  async #askField(field: FieldDefinition, requirement: Requirement): Promise<FieldAnswer> {
    for (;;) {
      const typed = (await this.ask(fieldQuestion(field, requirement))).trim();
      if (typed === '?') {
        this.context.say(fieldExplanation(field));
        continue;
      }
      if (typed === '') {
        if (requirement !== 'required') return { kind: 'skip' };
        this.context.say(`${field.tag} is required`);
        continue;
      }
      if (typed === SKIP_REST && requirement === 'optional') return { kind: 'skip-rest' };
      // The line is upper case but for the free text (docs/mnemonic-format.md).
      const value = field.tag === TEXT_TAG ? typed : typed.toUpperCase();
      const problem = field.edit(value);
      if (problem === undefined) return { kind: 'value', value };
      this.context.say(problem);
    }
  }

  async #askOri(): Promise<string> {
    const field = FIELDS.get('ORI');
    for (;;) {
      const value = (await this.ask('ORI originating agency identifier', { defaultValue: this.context.ori })).trim().toUpperCase();
      const problem = value === '' ? 'ORI is required' : field?.edit(value);
      if (problem === undefined) return value;
      this.context.say(problem);
    }
  }

  #needsDestinations(): boolean {
    const kind = this.definition.route.kind;
    return kind === 'destinations' || kind === 'nlets-states';
  }

  async #askDestinations(): Promise<string[]> {
    const states = this.definition.route.kind === 'nlets-states';
    const max = this.definition.destinationRule?.max;
    const question = states
      ? 'States to ask (NV AZ ..., or NL for every state)'
      : `Send to (ORIs such as CA0370000, terminals such as SD01, counties such as C37, or ALL${max === undefined ? '' : `; at most ${max}`})`;
    for (;;) {
      const typed = (await this.ask(question)).trim().toUpperCase();
      const destinations = typed.split(/[\s,]+/).filter((part) => part !== '');
      const bad = destinations.find((part) => !/^[0-9A-Z]+$/.test(part));
      if (destinations.length === 0) this.context.say('at least one destination is needed');
      else if (bad !== undefined) this.context.say(`${bad.slice(0, 12)}: letters and digits only`);
      else return destinations;
    }
  }
}
