import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseLauncherEnv } from "./launcher-env";

describe("parseLauncherEnv", () => {
  it("runs on embedded defaults when nothing is set", () => {
    const env = parseLauncherEnv({}, "/repo");
    expect(env).toMatchObject({
      CS_EMULATOR_PORT: 4010,
      LYTICS_EMULATOR_PORT: 4020,
      EMULATOR_LOG: "0",
    });
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.fixtureFile).toBeUndefined();
    expect(env.dataDir).toBe(path.resolve("/repo", ".local"));
  });

  it("takes overrides from the environment; an empty variable counts as unset", () => {
    const env = parseLauncherEnv(
      {
        REDIS_URL: "redis://10.0.0.5:6380",
        CS_EMULATOR_PORT: "5010",
        LYTICS_EMULATOR_PORT: "",
        LOCAL_DATA_DIR: "/var/lib/la",
        EMULATOR_FIXTURE: "fixtures/large.json",
      },
      "/repo",
    );
    expect(env.REDIS_URL).toBe("redis://10.0.0.5:6380");
    expect(env.CS_EMULATOR_PORT).toBe(5010);
    expect(env.LYTICS_EMULATOR_PORT).toBe(4020);
    expect(env.dataDir).toBe("/var/lib/la");
    // Relative to the repository root, as the README's default is written.
    expect(env.fixtureFile).toBe(path.resolve("/repo", "fixtures/large.json"));
  });

  it("names every invalid variable in one clear error, worded as the emulators word it", () => {
    const parse = () =>
      parseLauncherEnv(
        { REDIS_URL: "http://nope", LYTICS_EMULATOR_PORT: "99999", CS_EMULATOR_PORT: "http" },
        "/repo",
      );
    expect(parse).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(parse).toThrow(/LYTICS_EMULATOR_PORT must be 0-65535/);
    expect(parse).toThrow(/CS_EMULATOR_PORT must be a port number/);
  });
});
