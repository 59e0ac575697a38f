// Issue 11 "Policy": the policy editor's preview is the sync's dry run under a candidate mapping
// policy. The worker plans with the candidate (not the saved policy), returns the plan as
// structured data, and writes nothing; a payload with a bad candidate, or one asking to apply it,
// never reaches the worker.
import { DEFAULT_MAPPING_POLICY, type MappingPolicy } from "@lytics-access/permissions";
import type { PlanDiff } from "@lytics-access/sync";
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import { afterAll, describe, expect, inject, it } from "vitest";

import { enqueueAndWait } from "../src/cli/wait-for-job";
import { LOCAL_ACME } from "../src/local/seed-local-installation";
import { QUEUE_NAMES } from "../src/queues/constants";
import { createEnqueuer } from "../src/queues/enqueue";
import { InvalidPayloadError } from "../src/queues/invalid-payload-error";
import { parsePayload } from "../src/queues/payloads";
import { lyticsUsers } from "./support/worker-env";
import { useWorkerWorld } from "./support/worker-world";

const world = useWorkerWorld({ timeoutMs: 30_000 });
const ORG = LOCAL_ACME.orgUid;
const ADA = "ada.admin@acme.test";
const CAMPAIGNS = "66ac00000000000000001002";

/** The Editor bundle narrowed to Audience Manager alone. */
const CANDIDATE: MappingPolicy = {
  ...DEFAULT_MAPPING_POLICY,
  version: 2,
  levels: { ...DEFAULT_MAPPING_POLICY.levels, editor: { roles: ["segment_manager"] } },
};

interface DryRunResult {
  status: string;
  outcome: string;
  plan: PlanDiff | null;
  safety: { guard: string; outcome: string; rule: string; reason: string }[];
}

let enqueuer: ReturnType<typeof createEnqueuer> | undefined;
afterAll(async () => {
  await enqueuer?.close();
});

async function dryRun(candidatePolicy?: MappingPolicy): Promise<DryRunResult> {
  enqueuer ??= createEnqueuer({ redisUrl: inject("redisUrl"), prefix: world.queuePrefix });
  const queued = enqueuer;
  const { result } = await enqueueAndWait(
    {
      redisUrl: inject("redisUrl"),
      queue: queued.queues[QUEUE_NAMES.sync],
      prefix: world.queuePrefix,
      timeoutMs: 20_000,
    },
    () => queued.syncNow(ORG, { dryRun: true, ...(candidatePolicy ? { candidatePolicy } : {}) }),
  );
  return result as DryRunResult;
}

const adaOnCampaigns = (plan: PlanDiff | null) =>
  plan?.projects
    .find((project) => project.projectId === CAMPAIGNS)
    ?.lines.find((line) => line.person === ADA);

describe("dry run under a candidate mapping policy", () => {
  it("plans with the candidate instead of the saved policy, as structured data, and writes nothing", async () => {
    const before = await lyticsUsers(world.emulators.lytics.url);

    const saved = await dryRun();
    expect(saved.outcome).toBe("dry-run");
    // Ada (org Admin, observer on Acme Campaigns) gets the default Editor bundle.
    expect(adaOnCampaigns(saved.plan)).toMatchObject({
      sign: "~",
      before: ["observer"],
      after: expect.arrayContaining(["segment_manager", "content_manager", "report_viewer"]),
    });

    const candidate = await dryRun(CANDIDATE);
    expect(candidate.outcome).toBe("dry-run");
    const line = adaOnCampaigns(candidate.plan);
    expect(line).toMatchObject({ sign: "~", before: ["observer"], after: ["segment_manager"] });
    expect(line?.why.map((why) => why.rule)).toContain("desired.org-admin");
    // Every guard answered, the removal share among them.
    expect(candidate.safety.map((decision) => decision.guard)).toContain("removal-share");

    expect(await lyticsUsers(world.emulators.lytics.url)).toEqual(before);
  });

  it("refuses a candidate that breaks the policy rules, and a candidate asked to be applied", () => {
    const broken = {
      ...CANDIDATE,
      levels: { ...CANDIDATE.levels, editor: { roles: ["segmnt_manager"] } },
    };
    expect(() =>
      parsePayload("sync.reconcile-org", { orgUid: ORG, dryRun: true, candidatePolicy: broken }),
    ).toThrow(/levels\.editor\.roles\[0\]: unknown Lytics role "segmnt_manager"/);
    expect(() =>
      parsePayload("sync.reconcile-org", {
        orgUid: ORG,
        dryRun: false,
        candidatePolicy: CANDIDATE,
      }),
    ).toThrow(InvalidPayloadError);
  });

  it("checks the candidate before queueing, so no bad job is ever added", async () => {
    enqueuer ??= createEnqueuer({ redisUrl: inject("redisUrl"), prefix: world.queuePrefix });
    await expect(
      enqueuer.syncNow(ORG, {
        dryRun: false,
        candidatePolicy: CANDIDATE,
      }),
    ).rejects.toThrow(/only ever planned with/);
  });
});
