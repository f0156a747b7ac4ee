/**
 * Frame codec: bytes <-> Frame, with a size limit and a nesting limit. Whatever the input,
 * decodeFrame throws nothing but CletsError, so a peer's garbage never becomes an
 * unexpected exception in a service.
 */
import protobuf from 'protobufjs/minimal.js';
import { CletsError } from './errors.js';
import { InexactIntegerError, withoutExactCheck } from './number-longs.js';
import { pb, FRAME_KINDS, type DecodedFrame, type Frame, type FrameKind } from './types.js';

/** Default maximum encoded frame size: 64 KiB (the switch's terminal-side default). */
export const DEFAULT_MAX_FRAME_BYTES = 64 * 1024;
/**
 * Default maximum frame on a link (switch <-> system, county switch <-> state switch), the
 * same at both ends so that what one end may send the other accepts: 1 MiB, room for a
 * large answer (a name search with a few hundred hits). A reply too large for it is
 * answered with a reject for that request; the link stays up (docs/protocol.md, "Links").
 */
export const DEFAULT_LINK_MAX_FRAME_BYTES = 1024 * 1024;
/**
 * Maximum nesting of groups and messages while decoding. The schema itself nests at most
 * five deep (Frame > LinkReply > Response > Record > Field); the margin covers unknown
 * fields of newer peers, the limit stops a crafted buffer of nested groups exhausting the
 * stack (protoc's own default is 100).
 */
export const MAX_NESTING_DEPTH = 32;
protobuf.Reader.recursionLimit = MAX_NESTING_DEPTH;

export interface CodecLimits {
  maxFrameBytes?: number;
}

/** Which member of the `oneof body` a frame carries, or undefined for none. */
export function frameKind(frame: Frame | DecodedFrame): FrameKind | undefined {
  if (frame instanceof pb.Frame) return frame.body ?? undefined;
  for (const kind of FRAME_KINDS) {
    if (frame[kind] != null) return kind;
  }
  return undefined;
}

/** Encodes one frame. Throws CLETS_ERR_FRAME_EMPTY / _FRAME_TOO_LARGE / _FRAME_MALFORMED. */
export function encodeFrame(frame: Frame, limits: CodecLimits = {}): Uint8Array {
  const maxBytes = limits.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  if (frameKind(frame) === undefined) throw new CletsError('CLETS_ERR_FRAME_EMPTY');
  let bytes: Uint8Array;
  try {
    bytes = pb.Frame.encode(frame).finish();
  } catch (error) {
    throw new CletsError('CLETS_ERR_FRAME_MALFORMED', describe(error), { cause: error });
  }
  if (bytes.length > maxBytes) {
    throw new CletsError('CLETS_ERR_FRAME_TOO_LARGE', `${bytes.length} bytes > ${maxBytes}`);
  }
  return bytes;
}

/** Decodes one frame and checks it carries exactly one body. Throws only CletsError. */
export function decodeFrame(bytes: Uint8Array, limits: CodecLimits = {}): DecodedFrame & { body: FrameKind } {
  const maxBytes = limits.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  if (!(bytes instanceof Uint8Array)) throw new CletsError('CLETS_ERR_FRAME_MALFORMED', 'not binary data');
  if (bytes.length > maxBytes) {
    throw new CletsError('CLETS_ERR_FRAME_TOO_LARGE', `${bytes.length} bytes > ${maxBytes}`);
  }
  let frame: DecodedFrame;
  try {
    frame = pb.Frame.decode(bytes);
  } catch (error) {
    if (error instanceof InexactIntegerError) throw inexactIntegerRefusal(bytes, error);
    const detail = describe(error);
    if (/depth/i.test(detail) || error instanceof RangeError && /call stack/i.test(detail)) {
      throw new CletsError('CLETS_ERR_FRAME_TOO_DEEP', undefined, { cause: error });
    }
    throw new CletsError('CLETS_ERR_FRAME_MALFORMED', detail, { cause: error });
  }
  const kind = frame.body;
  if (!kind) throw new CletsError('CLETS_ERR_FRAME_EMPTY');
  return frame as DecodedFrame & { body: FrameKind };
}

/** The refusal of a frame whose 64-bit value did not fit, naming the field (found by a second, unchecked decode). */
function inexactIntegerRefusal(bytes: Uint8Array, error: InexactIntegerError): CletsError {
  try {
    refuseInexactIntegers(withoutExactCheck(() => pb.Frame.decode(bytes)), 'frame');
  } catch (located) {
    if (located instanceof CletsError) return located;
  }
  return new CletsError('CLETS_ERR_FRAME_MALFORMED', error.message, { cause: error });
}

/**
 * The largest value a 64-bit field may carry: JavaScript numbers are exact up to 2^53 - 1.
 * Every 64-bit field of the schema (sequence numbers, epoch milliseconds, heartbeat nonces)
 * is read as a number, so a value beyond this range would arrive changed; it is refused
 * instead, naming the field (docs/protocol.md, "64-bit fields").
 */
export const MAX_EXACT_INTEGER = Number.MAX_SAFE_INTEGER;

/**
 * The schema has no floating-point fields, so a number in a decoded frame that is not a safe
 * integer can only be a 64-bit value that did not fit. Binary frames are checked as they are
 * read (number-longs.ts); this walk checks frames built from JSON, and names the field.
 */
function refuseInexactIntegers(value: unknown, path: string): void {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new CletsError('CLETS_ERR_FRAME_MALFORMED', `${path} is outside the exact integer range of 64-bit fields (|value| <= 2^53 - 1)`, { field: path });
    }
    return;
  }
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) refuseInexactIntegers(value[index], `${path}[${index}]`);
    return;
  }
  for (const key of Object.keys(value)) refuseInexactIntegers((value as Record<string, unknown>)[key], `${path}.${key}`);
}

/** A frame as plain JSON (enums as names, 64-bit numbers as numbers): golden fixtures, HTTP. */
export function frameToJson(frame: DecodedFrame): Record<string, unknown> {
  return pb.Frame.toObject(frame, { enums: String, longs: Number, defaults: false, oneofs: false });
}

/** The inverse of frameToJson. Throws CLETS_ERR_FRAME_MALFORMED naming what is wrong. */
export function frameFromJson(json: unknown): DecodedFrame {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new CletsError('CLETS_ERR_FRAME_MALFORMED', 'a frame must be a JSON object');
  }
  let frame: DecodedFrame;
  try {
    frame = pb.Frame.fromObject(json as Record<string, unknown>);
  } catch (error) {
    throw new CletsError('CLETS_ERR_FRAME_MALFORMED', describe(error), { cause: error });
  }
  // A 64-bit value given as a decimal string ("9007199254740993") is parsed into a number by
  // protobufjs: refused when it did not fit, as on the binary path.
  refuseInexactIntegers(frame, 'frame');
  // protobufjs drops unknown members and maps unknown enum names to 0 without a word; a
  // round trip finds what it dropped, so a typo is an error that names the path.
  // A member that names nothing is an error even when its value is a default (`"feilds": []`).
  const unknown = firstUnknownMember(json, pb.Frame.toObject(frame, { enums: String, longs: Number, defaults: true, arrays: true, oneofs: false }), 'frame');
  if (unknown !== undefined) throw new CletsError('CLETS_ERR_FRAME_MALFORMED', `${unknown} is not a member of the schema`, { field: unknown });
  const lost = firstDifference(withoutDefaults(json), withoutDefaults(frameToJson(frame)), 'frame');
  if (lost !== undefined) throw new CletsError('CLETS_ERR_FRAME_MALFORMED', `${lost} is not a valid member or value`);
  return frame;
}

/** The path of the first member of `given` that the decoded message (all members, defaults included) does not have. */
function firstUnknownMember(given: unknown, known: unknown, path: string): string | undefined {
  if (given === null || typeof given !== 'object') return undefined;
  if (Array.isArray(given)) {
    if (!Array.isArray(known)) return undefined;
    for (let index = 0; index < given.length; index += 1) {
      const found = firstUnknownMember(given[index], known[index], `${path}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (known === null || typeof known !== 'object') return undefined;
  for (const [key, member] of Object.entries(given)) {
    if (!Object.hasOwn(known, key)) return `${path}.${key}`;
    const found = firstUnknownMember(member, (known as Record<string, unknown>)[key], `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function withoutDefaults(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDefaults);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      const cleaned = withoutDefaults(member);
      if (cleaned === undefined || cleaned === null || cleaned === 0 || cleaned === '' || cleaned === false) continue;
      if (typeof cleaned === 'string' && cleaned.endsWith('_UNSPECIFIED')) continue;
      if (Array.isArray(cleaned) && cleaned.length === 0) continue;
      out[key] = cleaned;
    }
    return out;
  }
  return value;
}

function firstDifference(expected: unknown, actual: unknown, path: string): string | undefined {
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return path;
    for (const [key, member] of Object.entries(expected)) {
      const found = firstDifference(member, (actual as Record<string, unknown>)[key], `${path}.${key}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof expected === 'number' && typeof actual === 'number') return expected === actual ? undefined : path;
  return String(expected) === String(actual) ? undefined : path;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
