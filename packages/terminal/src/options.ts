/**
 * TerminalClient options: one strict schema with the defaults inside, validated once when the
 * client is built. The secrets (device secret, password, TOTP secret) are split off into
 * their own object so nothing that is logged, inspected or put into an error ever holds them.
 */
import { z } from 'zod';
import { CletsError, DEFAULT_LINK_MAX_FRAME_BYTES, DEFAULT_MAX_FRAME_BYTES } from '@clets/protocol';
import type { SecondFactorProvider } from './second-factor.js';

const positiveMs = z.number().int().positive();
const callable = <T>(what: string) => z.custom<T>((value) => typeof value === 'function', `${what} must be a function`);
const certificate = z.union([z.string(), z.instanceof(Buffer)]);

const optionsSchema = z.strictObject({
  /** The switch's terminal endpoint: ws://127.0.0.1:7400 or wss://... */
  url: z.string().regex(/^wss?:\/\/./, 'must be a ws:// or wss:// URL'),
  /** Terminal mnemonic registered with the switch (4 characters in CLETS). */
  mnemonic: z.string().min(1).max(16),
  /** Device secret issued when the terminal was registered (may be empty with a client certificate). */
  deviceSecret: z.string(),
  /** Client software name sent in TerminalHello, for the switch's audit log. */
  client: z.string().max(64).default('@clets/terminal'),
  /** Default credentials for login() (and for logging in again after a reconnect). */
  operatorId: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  /** Base32 TOTP secret: the client answers SecondFactorChallenge itself. */
  totpSecret: z.string().min(1).optional(),
  /** Or: asks someone (the operator at a prompt) for the one-time code. */
  secondFactor: callable<SecondFactorProvider>('secondFactor').optional(),
  /** Wall clock (epoch ms) for TOTP codes and heartbeat stamps; tests bring a fake one. */
  clock: callable<() => number>('clock').optional(),
  /** Deadline of every wait: connect, each login step, each transaction's Completion. */
  requestTimeoutMs: positiveMs.default(10_000),
  /** Largest frame sent (the switch accepts 64 KiB from a terminal by default). */
  maxFrameBytes: z.number().int().min(1024).default(DEFAULT_MAX_FRAME_BYTES),
  /**
   * Largest frame accepted from the switch: an answer a system sent over a link (up to the
   * links' 1 MiB) with the header and path the switches add, so twice the link limit.
   */
  maxReceivedFrameBytes: z.number().int().min(1024).default(2 * DEFAULT_LINK_MAX_FRAME_BYTES),
  /** For wss://: the CA that signed the switch's certificate. */
  tls: z.strictObject({
    ca: z.union([certificate, z.array(certificate)]).optional(),
    rejectUnauthorized: z.boolean().optional(),
  }).optional(),
  /** Client-side liveness check: a Heartbeat every interval; two silent intervals = dead switch. */
  heartbeatIntervalMs: positiveMs.optional(),
  reconnect: z.strictObject({
    enabled: z.boolean().default(false),
    minDelayMs: positiveMs.default(250),
    maxDelayMs: positiveMs.default(30_000),
    /** Give up after this many failed attempts in a row (default: never). */
    maxAttempts: z.number().int().positive().optional(),
  }).prefault({}),
}).refine((options) => options.totpSecret === undefined || options.secondFactor === undefined, {
  message: 'give totpSecret or secondFactor, not both', path: ['secondFactor'],
}).refine((options) => options.reconnect.minDelayMs <= options.reconnect.maxDelayMs, {
  message: 'minDelayMs must not exceed maxDelayMs', path: ['reconnect', 'minDelayMs'],
});

/** What `new TerminalClient(...)` accepts. */
export type TerminalClientOptions = z.input<typeof optionsSchema>;

/** Validated settings, frozen, without any secret. */
export interface ClientSettings {
  readonly url: string;
  readonly mnemonic: string;
  readonly client: string;
  readonly operatorId: string | undefined;
  readonly clock: () => number;
  readonly requestTimeoutMs: number;
  readonly maxFrameBytes: number;
  readonly maxReceivedFrameBytes: number;
  readonly tls: { readonly ca?: string | Buffer | (string | Buffer)[]; readonly rejectUnauthorized?: boolean } | undefined;
  readonly heartbeatIntervalMs: number | undefined;
  readonly reconnect: { readonly enabled: boolean; readonly minDelayMs: number; readonly maxDelayMs: number; readonly maxAttempts: number };
}

/** The secrets, kept apart (in the client's private fields only). */
export interface ClientSecrets {
  readonly deviceSecret: string;
  readonly password: string | undefined;
  readonly totpSecret: string | undefined;
  readonly secondFactor: SecondFactorProvider | undefined;
}

/**
 * Validates the options. Throws CLETS_ERR_REQUEST_INVALID listing every problem by path;
 * the messages name what is wrong, never the value given (it may be a password).
 */
export function resolveOptions(options: TerminalClientOptions): { settings: ClientSettings; secrets: ClientSecrets } {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`);
    throw new CletsError('CLETS_ERR_REQUEST_INVALID', `terminal client options: ${problems.join('; ')}`);
  }
  const value = parsed.data;
  const settings: ClientSettings = Object.freeze({
    url: value.url,
    mnemonic: value.mnemonic,
    client: value.client,
    operatorId: value.operatorId,
    clock: value.clock ?? Date.now,
    requestTimeoutMs: value.requestTimeoutMs,
    maxFrameBytes: value.maxFrameBytes,
    maxReceivedFrameBytes: value.maxReceivedFrameBytes,
    tls: value.tls,
    heartbeatIntervalMs: value.heartbeatIntervalMs,
    reconnect: Object.freeze({
      enabled: value.reconnect.enabled,
      minDelayMs: value.reconnect.minDelayMs,
      maxDelayMs: value.reconnect.maxDelayMs,
      maxAttempts: value.reconnect.maxAttempts ?? Number.POSITIVE_INFINITY,
    }),
  });
  const secrets: ClientSecrets = Object.freeze({
    deviceSecret: value.deviceSecret,
    password: value.password,
    totpSecret: value.totpSecret,
    secondFactor: value.secondFactor,
  });
  return { settings, secrets };
}
