/** Test helpers: `@clets/backends/testing`. Not for production code. */
export { LinkClient, LinkUpgradeRefused, openLink, connectLink } from './link-client.js';
export type { LinkClientOptions, LinkCredentials, LinkClosed, ReceivedFrame } from './link-client.js';
export { createFakeSystem, createFakeSystems } from './fake-system.js';
export type { FakeSystem, FakeSystemOptions } from './fake-system.js';
export { startTestBackend, TEST_PEER } from './start-backend.js';
export type { TestBackend } from './start-backend.js';
