export * from './errors.js';
export * from './types.js';
export * from './codec.js';
export * from './catalogue-types.js';
export { GOLDEN_FRAMES } from './golden-samples.js';
export * from './totp.js';
