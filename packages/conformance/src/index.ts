export { CHECKS, runConformance, defaultInquiry, heartbeatWithNonce, type CheckResult, type ConformanceOptions } from './checks.js';
export { RawConnection, type Closed, type ConnectionOptions, type ReceivedFrame } from './connection.js';
