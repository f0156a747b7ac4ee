/**
 * 64-bit fields (sequence numbers, epoch milliseconds) decode as plain JS numbers, not Long
 * objects: every value this protocol carries fits in 2^53, and numbers compare with ===.
 * This module must be evaluated before the generated code, which reads the setting once.
 */
import protobuf from 'protobufjs/minimal.js';

protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();
