export { CONTENTSTACK_SESSION_COOKIE, startContentstackEmulator } from "./contentstack";
export {
  startLyticsEmulator,
  type LyticsEmulator,
  type LyticsEmulatorOptions,
  type RolePolicy,
  type WireCollaborator,
  type WireProject,
  type WireUserAccount,
  type WireUserResp,
} from "./lytics";
export {
  startEmulators,
  withLyticsLaunchCallback,
  type RunningEmulators,
  type StartEmulatorsOptions,
} from "./start-emulators";
export {
  fixtureSchema,
  type Fixture,
  type FixtureLyticsAccount,
  type FixtureLyticsUser,
  type FixtureMembership,
  type FixtureOrganization,
  type FixturePerson,
} from "./fixtures/fixture-schema";
export { DEFAULT_FIXTURE_PATH, loadFixture, parseFixture } from "./fixtures/load-fixture";
export { generateLargeFixture, type LargeFixtureOptions } from "./fixtures/generate-large-fixture";
export {
  emulatorEnvSchema,
  EnvironmentError,
  fixturePath,
  parseEnvironment,
  portInUseMessage,
  type EmulatorEnv,
} from "./emulator-env";
