import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv } from "node:util";

import { describe, expect, it } from "vitest";

import { workerEnvFileText, writeWorkerEnvFile } from "./worker-env-file";

describe("the local worker.env", () => {
  it("reads back as the same settings, the JSON keyring whole, and is the owner's alone", () => {
    const settings = {
      REDIS_URL: "redis://127.0.0.1:41234",
      STORE_KEYRING: JSON.stringify({ currentKeyId: "local-1", keys: { "local-1": "a+b/c==" } }),
      CONTENTSTACK_CLIENT_SECRET: "s3cret=with=equals",
    };
    const dir = mkdtempSync(path.join(tmpdir(), "worker-env-"));
    const file = writeWorkerEnvFile(dir, settings);
    expect(parseEnv(readFileSync(file, "utf8"))).toEqual(settings);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("refuses a value it could not write back faithfully", () => {
    expect(() => workerEnvFileText({ A: "it's" })).toThrow(/A cannot be written/);
    expect(() => workerEnvFileText({ B: "two\nlines" })).toThrow(/B cannot be written/);
  });
});
