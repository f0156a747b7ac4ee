/**
 * @clets/terminal/testing: a scripted fake switch for tests of anything that talks to a
 * switch as a terminal (this package's client, the CLI, other packages' tests).
 */
export {
  FakeSwitch, FAKE_BANNER, FAKE_OPERATOR, FAKE_TERMINAL,
  type FakeOperator, type FakeSession, type FakeSwitchOptions, type ReceivedByFake,
} from './fake-switch.js';
export {
  answer, DEFAULT_SCRIPT, hit, noRecord, refuse, systemReject,
  type ScriptContext, type ScriptStep, type TransactionScript,
} from './scripts.js';

import { FakeSwitch, type FakeSwitchOptions } from './fake-switch.js';

/** Starts a fake switch on 127.0.0.1 and a free port. */
export function startFakeSwitch(options: FakeSwitchOptions = {}): Promise<FakeSwitch> {
  return FakeSwitch.start(options);
}
