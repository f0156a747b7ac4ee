/** Test helpers: `@clets/backends/testing`. Not for production code. */
export { LinkProbe, LinkUpgradeRefused, openLink, connectLink } from './link-probe.js';
export type { LinkProbeOptions, LinkCredentials, LinkClosed, ReceivedFrame } from './link-probe.js';
export { createFakeSystem, createFakeSystems } from './fake-system.js';
export type { FakeSystem, FakeSystemOptions } from './fake-system.js';
export { startTestBackend, TEST_PEER } from './start-backend.js';
export type { TestBackend } from './start-backend.js';
