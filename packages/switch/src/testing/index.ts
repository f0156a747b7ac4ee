export { FakeLink, type FakeAnswer, type FakeRequest } from './fake-link.js';
export { FillingAuditStore } from './filling-audit-store.js';
export { Scratch } from './scratch.js';
export {
  startNetworkHarness, waitFor, echoingSystem, TERMINALS, PEER_SECRETS, ORI_19, ORI_19_PD, ORI_37, ORI_DOJ,
  type NetworkHarness, type NetworkHarnessOptions, type HarnessTerminal, type TerminalClientFactory,
} from './network-harness.js';
