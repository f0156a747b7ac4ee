/**
 * 64-bit fields (sequence numbers, epoch milliseconds, nonces) decode as plain JS numbers, not
 * Long objects: the schema limits them to 2^53 - 1 and numbers compare with ===. A value that
 * does not fit would come out rounded, so the reader's 64-bit methods are wrapped to throw
 * `InexactIntegerError` instead; the codec turns that into a refusal that names the field
 * (docs/protocol.md, "64-bit fields"). Checking in the reader costs one comparison per 64-bit
 * field, where walking every decoded frame afterwards cost about a third of the decode.
 * This module must be evaluated before the generated code, which reads the setting once.
 */
import protobuf from 'protobufjs/minimal.js';

protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();

/** A 64-bit field held a value beyond 2^53 - 1 in magnitude. */
export class InexactIntegerError extends RangeError {
  constructor(readonly value: number) {
    super(`64-bit value ${value} is outside the exact integer range`);
    this.name = 'InexactIntegerError';
  }
}

let checking = true;

/** Runs `decode` with the range check off: only to locate a field after a refusal. */
export function withoutExactCheck<T>(decode: () => T): T {
  checking = false;
  try {
    return decode();
  } finally {
    checking = true;
  }
}

type ReaderMethod = (this: protobuf.Reader) => number;
const reader = protobuf.Reader.prototype as unknown as Record<string, ReaderMethod>;
for (const name of ['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']) {
  const read = reader[name]!;
  reader[name] = function readExact(this: protobuf.Reader): number {
    const value = read.call(this);
    if (checking && !Number.isSafeInteger(value)) throw new InexactIntegerError(value);
    return value;
  };
}
