import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseLauncherEnv } from "./launcher-env";

describe("parseLauncherEnv", () => {
  it("runs on embedded defaults when nothing is set", () => {
    const env = parseLauncherEnv({}, "/repo");
    expect(env).toMatchObject({ CS_EMULATOR_PORT: 4010, LYTICS_EMULATOR_PORT: 4020 });
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.dataDir).toBe(path.resolve("/repo", ".local"));
  });

  it("takes overrides from the environment", () => {
    const env = parseLauncherEnv(
      {
        REDIS_URL: "redis://10.0.0.5:6380",
        CS_EMULATOR_PORT: "5010",
        LOCAL_DATA_DIR: "/var/lib/la",
      },
      "/repo",
    );
    expect(env.REDIS_URL).toBe("redis://10.0.0.5:6380");
    expect(env.CS_EMULATOR_PORT).toBe(5010);
    expect(env.dataDir).toBe("/var/lib/la");
  });

  it("names every invalid variable in one clear error", () => {
    const parse = () =>
      parseLauncherEnv({ REDIS_URL: "http://nope", LYTICS_EMULATOR_PORT: "99999" }, "/repo");
    expect(parse).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(parse).toThrow(/LYTICS_EMULATOR_PORT: must be a port number/);
  });
});
