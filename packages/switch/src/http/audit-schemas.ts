/**
 * The audit log as the HTTP API answers it: a row of `GET /v1/audit` and a hit of
 * `GET /v1/audit/search`, field for field as audit/types.ts declares them (audit/README.md
 * says what each column holds).
 */
import { z } from 'zod';
import { AUDIT_EVENT_TYPES } from '../audit/types.js';

const eventType = z.enum(AUDIT_EVENT_TYPES);

export const auditRouteToSchema = z.object({
  requester: z.string().nullish(), operator: z.string().nullish(), reason: z.string().nullish(), caseNumber: z.string().nullish(),
  noCaseReason: z.string().nullish(), purposeCode: z.string().nullish(), attention: z.string().nullish(),
}).meta({ title: 'AuditRouteTo' });

/** A committed row: the event as appended, with its place in the chain. */
export const auditRowSchema = z.object({
  seq: z.number().int(),
  /** ISO 8601 UTC, milliseconds. */
  at: z.string(),
  atMs: z.number(),
  type: eventType,
  outcome: z.string(),
  operatorId: z.string().optional(),
  terminal: z.string().optional(),
  ori: z.string().optional(),
  sourceAddress: z.string().optional(),
  messageKey: z.string().optional(),
  inputSeq: z.number().int().optional(),
  clientMessageId: z.string().optional(),
  routeTo: auditRouteToSchema.optional(),
  destinations: z.array(z.string()).optional(),
  code: z.string().optional(),
  bytes: z.number().int().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
  switchId: z.string().optional(),
  subjectKeys: z.array(z.string()).optional(),
  prevHash: z.string(),
  hash: z.string(),
}).meta({ title: 'AuditRow', description: 'A committed row of the audit log, with its place in the hash chain' });

/** An answer row of a transaction (a response, a reject, a queued notice, its completion). */
const auditAnswerSchema = z.object({
  seq: z.number().int(), at: z.string(), type: eventType, outcome: z.string(),
  system: z.string().optional(), records: z.array(z.string()).optional(), code: z.string().optional(),
}).meta({ title: 'AuditAnswer' });

/** One transaction found by a subject search: who, where, why, and what came back. */
export const auditSearchHitSchema = auditRowSchema.pick({
  seq: true, at: true, atMs: true, type: true, operatorId: true, terminal: true, ori: true, sourceAddress: true, messageKey: true,
  inputSeq: true, routeTo: true, destinations: true, outcome: true, code: true, hash: true,
}).extend({
  subjectKeys: z.array(z.string()),
  /** The subject keys of the search this row carries. */
  matched: z.array(z.string()),
  result: z.enum(['hit', 'possible', 'no_record', 'acknowledged', 'refused', 'failed', 'queued', 'no_answer']),
  /** Records returned, FILE:RECORD, from every response. */
  records: z.array(z.string()),
  answers: z.array(auditAnswerSchema),
}).meta({ title: 'AuditSearchHit', description: 'One transaction found by a subject search: who, where, why, and what came back' });

/** Every row of the switch, or the rows of these ORIs. */
export const auditScopeSchema = z.union([z.literal('all'), z.object({ oris: z.array(z.string()).readonly() }).readonly()]).meta({ title: 'AuditScope' });
