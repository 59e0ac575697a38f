// The operator command as an operator runs it: a separate process (bin/lytics-access.mjs through
// tsx) against the test run's redis-server, fresh emulators, an installation seeded through the
// real OAuth flow, and (for apply and approve) a worker in this process on the same key prefixes.
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { RunningEmulators } from "@lytics-access/emulators";
import {
  AUDIT_CSV_COLUMNS,
  closeStoreRedis,
  createHeldPlansStore,
  createInstallationsStore,
  createSecretBox,
  createStoreRedis,
} from "@lytics-access/store";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { CLI_PREFIX_ENV } from "../src/cli/cli-runtime";
import { LOCAL_ACME, LOCAL_APP, seedLocalInstallation } from "../src/local/seed-local-installation";
import { startWorker, type RunningWorker } from "../src/start-worker";
import { startTestEmulators, testKeyring, testPrefixes, workerEnv } from "./support/worker-env";

const BIN = fileURLToPath(new URL("../bin/lytics-access.mjs", import.meta.url));
const ORG = LOCAL_ACME.orgUid;
const OWNER = LOCAL_ACME.owner.email;
const ADMIN = "adam.admin@acme.test";

let emulators: RunningEmulators;
let worker: RunningWorker | undefined;
const keyring = testKeyring();
const { queuePrefix, storePrefix } = testPrefixes();
/** Everything the CLI printed, checked for secrets at the end. */
const printed: string[] = [];

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    ...workerEnv(inject("redisUrl"), emulators, keyring),
    [CLI_PREFIX_ENV.queue]: queuePrefix,
    [CLI_PREFIX_ENV.store]: storePrefix,
    ...extra,
  };
}

function cli(
  args: readonly string[],
  environment: Record<string, string | undefined> = env(),
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: environment as NodeJS.ProcessEnv, timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        printed.push(stdout, stderr);
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const withRedis = async <T>(
  use: (redis: ReturnType<typeof createStoreRedis>) => Promise<T>,
): Promise<T> => {
  const redis = createStoreRedis(inject("redisUrl"));
  try {
    return await use(redis);
  } finally {
    await closeStoreRedis(redis);
  }
};

beforeAll(async () => {
  emulators = await startTestEmulators();
  await seedLocalInstallation({
    contentstackUrl: emulators.contentstack.url,
    redisUrl: inject("redisUrl"),
    keyring,
    storePrefix,
  });
}, 30_000);

afterAll(async () => {
  await worker?.close();
  await emulators?.close();
});

describe("lytics-access without settings", () => {
  it("prints its help and exits 0", async () => {
    const run = await cli(["--help"], { PATH: process.env.PATH });
    expect(run.code).toBe(0);
    for (const command of [
      "plan <orgUid>",
      "apply <orgUid>",
      "sync-person",
      "status",
      "approve",
      "audit export",
      "disconnect",
    ])
      expect(run.stdout).toContain(command);
  }, 30_000);

  it("refuses an unknown command with one line and exit 2", async () => {
    const run = await cli(["frobnicate", ORG], env());
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain('unknown command "frobnicate"');
    expect(run.stdout).toBe("");
  }, 30_000);

  it("names a missing variable without printing any value", async () => {
    const { STORE_KEYRING: _omitted, ...rest } = env();
    const run = await cli(["status"], rest);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("STORE_KEYRING: is required");
    expect(run.stderr).not.toContain(inject("redisUrl"));
    expect(run.stderr).not.toContain(LOCAL_APP.clientSecret);
  }, 30_000);
});

describe("lytics-access --settings-file", () => {
  it("reads the worker's settings from a dotenv file, the environment winning, and names a missing file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "la-cli-settings-"));
    try {
      const { PATH: _path, ...settings } = env();
      const file = join(dir, "worker.env");
      await writeFile(
        file,
        Object.entries(settings)
          .map(([key, value]) => `${key}='${value}'`)
          .join("\n"),
      );
      const run = await cli(["--settings-file", file, "status", ORG], {
        PATH: process.env.PATH,
      });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(ORG);
      // A variable set in the environment overrides the file's.
      const overridden = await cli([`--settings-file=${file}`, "status", ORG], {
        PATH: process.env.PATH,
        STORE_KEYRING: "not json",
      });
      expect(overridden.code).toBe(2);
      expect(overridden.stderr).toContain("STORE_KEYRING");
      const missing = await cli(["--settings-file", join(dir, "nope.env"), "status"], {
        PATH: process.env.PATH,
      });
      expect(missing.code).toBe(2);
      expect(missing.stderr.trim()).toBe(
        `lytics-access: cannot read --settings-file ${join(dir, "nope.env")}: no such file`,
      );
      const bare = await cli(["--settings-file"], { PATH: process.env.PATH });
      expect(bare.code).toBe(2);
      expect(bare.stderr).toContain("--settings-file needs a file");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("lytics-access on a connected organization", () => {
  let heldPlanId = "";

  it("plan shows the pending changes as a diff and writes nothing", async () => {
    const run = await cli(["plan", ORG]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Plan \S+ for blt_org_acme/m);
    expect(run.stdout).toContain("- remove mia.member@acme.test");
    const json = await cli(["plan", ORG, "--json"]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as {
      changes: boolean;
      counts: { removals: number };
      planId: string;
    };
    expect(parsed.changes).toBe(true);
    expect(parsed.counts.removals).toBeGreaterThan(0);
    // A dry run holds nothing and records no run.
    await withRedis(async (redis) => {
      expect(await createHeldPlansStore({ redis, keyPrefix: storePrefix }).list(ORG)).toEqual([]);
    });
  }, 60_000);

  it("apply runs the worker's sync; a plan over the removal share is held, and status shows it", async () => {
    worker = await startWorker({
      env: workerEnv(inject("redisUrl"), emulators, keyring, { AUDIT_POLL_INTERVAL_MS: "3600000" }),
      queuePrefix,
      storePrefix,
    });
    const run = await cli(["apply", ORG, "--timeout", "60"]);
    expect(run.stderr).toContain("waiting for the worker");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("plan held for an Owner's approval");
    heldPlanId = /approve blt_org_acme (\S+) --as/.exec(run.stdout)?.[1] ?? "";
    expect(heldPlanId).not.toBe("");

    const status = await cli(["status"]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`${ORG}  connected`);
    expect(status.stdout).toContain(`connected by Olivia Owner <${OWNER}>`);
    expect(status.stdout).toContain("held plans waiting for an Owner:");
    expect(status.stdout).toContain(heldPlanId);
    expect(status.stdout).toMatch(/held\s+cli/);
    expect(status.stdout).toMatch(/^ {2}sync {2}waiting \d+, active \d+/m);
    const json = JSON.parse((await cli(["status", ORG, "--json"])).stdout) as {
      organizations: { orgUid: string; heldPlans: { planId: string }[] }[];
      queues: Record<string, Record<string, number>>;
    };
    expect(json.organizations.map((org) => org.orgUid)).toEqual([ORG]);
    expect(json.organizations[0]?.heldPlans.map((plan) => plan.planId)).toEqual([heldPlanId]);
    expect(Object.keys(json.queues).sort()).toEqual(["audit", "sync"]);
  }, 90_000);

  it("approve refuses someone who is not the Owner, and says why", async () => {
    const run = await cli(["approve", ORG, heldPlanId, "--as", ADMIN]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(`refused: ${ADMIN} is an admin of ${ORG}, not its Owner`);
    // A plan a newer hold replaced is refused, naming the newer one.
    await withRedis(async (redis) => {
      const held = createHeldPlansStore({ redis, keyPrefix: storePrefix });
      const old = await held.get(ORG, heldPlanId);
      await held.hold(ORG, {
        planId: "plan_newer_test",
        plan: {},
        removals: 9,
        share: 0.9,
        threshold: 0.2,
        createdAt: (old?.createdAt ?? 0) + 1,
      });
    });
    const replaced = await cli(["approve", ORG, heldPlanId, "--as", OWNER]);
    expect(replaced.code).toBe(1);
    expect(replaced.stderr).toContain(
      `plan ${heldPlanId} was replaced by a newer plan, plan_newer_test`,
    );
    await withRedis(async (redis) => {
      await createHeldPlansStore({ redis, keyPrefix: storePrefix }).discard(ORG, "plan_newer_test");
    });
    const stranger = await cli(["approve", ORG, heldPlanId, "--as", "nobody@elsewhere.test"]);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain(
      `refused: nobody@elsewhere.test is not a member of ${ORG}; only an Owner can approve`,
    );
    await withRedis(async (redis) => {
      expect(
        (await createHeldPlansStore({ redis, keyPrefix: storePrefix }).get(ORG, heldPlanId))
          ?.approval,
      ).toBeUndefined();
    });
  }, 60_000);

  it("approve as the Owner records the approval and the worker applies the plan", async () => {
    const run = await cli(["approve", ORG, heldPlanId, "--as", OWNER, "--wait", "--timeout", "60"]);
    expect(run.stderr).toContain("waiting for the worker");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`plan ${heldPlanId} approved by ${OWNER} (Owner)`);
    expect(run.stdout).toContain(`${ORG}: applied, plan ${heldPlanId}`);
    const again = await cli(["approve", ORG, heldPlanId, "--as", OWNER]);
    expect(again.code).not.toBe(0);
  }, 90_000);

  it("apply converges the organization; then plan says no changes and sync-person traces one person", async () => {
    // The approved plan kept a project's last Admin; the follow-up removal is the sync's second
    // step. A worker that holds nothing finishes it.
    await worker?.close();
    worker = await startWorker({
      env: workerEnv(inject("redisUrl"), emulators, keyring, {
        AUDIT_POLL_INTERVAL_MS: "3600000",
        MAX_REMOVAL_SHARE: "1",
      }),
      queuePrefix,
      storePrefix,
    });
    const applied = await cli(["apply", ORG, "--timeout", "60"]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/applied: 0 invites, 0 role changes, 1 removal \(1 written\)/);
    const run = await cli(["plan", ORG]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${ORG}: no changes`);

    const person = await cli(["sync-person", ORG, "blt_user_mia", "--timeout", "60"]);
    expect(person.code).toBe(0);
    expect(person.stdout).toContain(`Sync of mia.member@acme.test in ${ORG}`);
    expect(person.stdout).toMatch(/\[read\]/);
    expect(person.stdout).toMatch(/\[decide\]/);
    expect(person.stdout).toMatch(/\[write\]/);
  }, 120_000);

  it("audit export pages through the log as CSV, filtered, to stdout or a file", async () => {
    const run = await cli(["audit", "export", ORG, "--csv"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.join(","));
    expect(lines.some((line) => line.includes(",plan-held,"))).toBe(true);
    expect(lines.some((line) => line.includes(`,plan-approved,${OWNER},`))).toBe(true);
    expect(
      lines.some(
        (line) => line.includes(",change-applied,") && line.includes("mia.member@acme.test"),
      ),
    ).toBe(true);

    const mia = await cli([
      "audit",
      "export",
      ORG,
      "--kind",
      "change-applied",
      "--person",
      "mia.member@acme.test",
    ]);
    const miaRows = mia.stdout.split("\r\n").filter(Boolean).slice(1);
    expect(miaRows.length).toBeGreaterThan(0);
    for (const row of miaRows) expect(row).toMatch(/,change-applied,.*mia\.member@acme\.test/);

    const future = await cli(["audit", "export", ORG, "--since", "2999-01-01T00:00:00Z"]);
    expect(future.stdout.split("\r\n").filter(Boolean)).toEqual([AUDIT_CSV_COLUMNS.join(",")]);

    const dir = await mkdtemp(join(tmpdir(), "la-cli-"));
    try {
      const file = join(dir, "audit.json");
      const written = await cli(["audit", "export", ORG, "--json", "--out", file]);
      expect(written.code).toBe(0);
      const entries = JSON.parse(await readFile(file, "utf8")) as { kind: string }[];
      expect(written.stdout).toContain(`${entries.length} audit entries written to ${file}`);
      expect(entries.map((entry) => entry.kind)).toContain("plan-approved");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const bad = await cli(["audit", "export", ORG, "--kind", "nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown audit entry kind nope");
    // A mistyped organization is an error, not an empty export; so is a file that cannot be written.
    const typo = await cli(["audit", "export", "blt_org_acmee"]);
    expect(typo.code).toBe(1);
    expect(typo.stdout).toBe("");
    expect(typo.stderr).toContain(
      "organization blt_org_acmee is not connected and has no audit log",
    );
    const nowhere = await cli(["audit", "export", ORG, "--out", "/nonexistent-la-dir/audit.csv"]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr.trim()).toBe(
      "lytics-access: cannot write --out /nonexistent-la-dir/audit.csv: its folder does not exist",
    );
  }, 90_000);

  it("never prints a token, the keyring or the client secret", async () => {
    const secrets = await withRedis(async (redis) => {
      const tokens = await createInstallationsStore({
        redis,
        keyPrefix: storePrefix,
        secretBox: createSecretBox(keyring),
      }).readTokens(ORG);
      const keys = (JSON.parse(keyring) as { keys: Record<string, string> }).keys;
      return [
        tokens.accessToken,
        tokens.refreshToken,
        LOCAL_APP.clientSecret,
        ...Object.values(keys),
      ];
    });
    const all = printed.join("\n");
    for (const secret of secrets) expect(all).not.toContain(secret);
  });

  it("disconnect removes the installation and the organization's schedulers", async () => {
    const run = await cli(["disconnect", ORG]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`schedulers removed: reconcile:${ORG}, poll-audit:${ORG}`);
    const status = await cli(["status", ORG]);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain(`organization ${ORG} is not connected`);
    const audit = await cli(["audit", "export", ORG, "--kind", "installation-disconnected"]);
    expect(audit.stdout).toContain(",installation-disconnected,system:lytics-access cli,");
  }, 60_000);
});
