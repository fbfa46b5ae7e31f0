export { runActionNode, type ActionRunResult, type RunActionNodeOptions } from './run-action-node';
export {
	createPollRunner,
	type PollMode,
	type PollResult,
	type PollRunner,
	type PollRunnerOptions,
} from './poll-runner';
export { runLoadOptions } from './load-options';
export { HarnessCredentialsHelper, type CredentialsByType } from './credentials-helper';
export { HarnessNodeTypes, PACKAGE_NAME, nodeTypeKey } from './node-types';
export type { NodeUnderTest } from './workflow';
export {
	EMULATOR_MARKETPLACE_ID,
	EMULATOR_SELLER_ID,
	emulatorControl,
	emulatorCredentials,
	followEmulatorClock,
	startEmulator,
	type EmulatorCall,
	type EmulatorControl,
	type EmulatorHandle,
	type EmulatorOptions,
} from './emulator';
