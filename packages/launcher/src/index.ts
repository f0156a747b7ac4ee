export { hasOpenssl, selfSignedCertificate, type SelfSignedOptions } from './certificate.js';
export { startService, nodeArguments, REPO_ROOT, SERVICE_ENTRIES, type ServiceProcess, type StartOptions } from './launcher.js';
export { startCountyNetwork, type CountyNetwork, type CountyNetworkOptions } from './county-network.js';
export {
  startStateNetwork, STATE_NETWORK_SWITCHES,
  type StateNetwork, type StateNetworkOptions, type StateNetworkSwitch,
} from './state-network.js';
