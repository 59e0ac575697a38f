// Issue 9 "done means": a role change and a removal in the emulated Contentstack show up in the
// emulated Lytics through the audit-log poll, and the audit log says why.
import { createAuditLogStore, createStoreRedis, closeStoreRedis } from "@lytics-access/store";
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import { describe, expect, inject, it } from "vitest";

import { LOCAL_ACME } from "../src/local/seed-local-installation";
import { eventually, lyticsUsers } from "./support/worker-env";
import { useWorkerWorld } from "./support/worker-world";

const MIA = "mia.member@acme.test";
const world = useWorkerWorld({ env: { MAX_REMOVAL_SHARE: "1" }, timeoutMs: 30_000 });
const { storePrefix } = world;

async function controlCall(path: string, method: string, body?: unknown): Promise<void> {
  const response = await fetch(`${world.emulators.contentstack.url}/_emulator${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

/** Mia on the Lytics account behind the fixture's "acme_web" project (aid 1001). */
const miaOn = async (aid: number) =>
  (await lyticsUsers(world.emulators.lytics.url))
    .find((account) => account.aid === aid)
    ?.users.find((user) => user.email === MIA);

describe("audit-log poll to Lytics", () => {
  it("applies a role change and a removal made in Contentstack", async () => {
    // The first poll sets the cursor; changes after it are new.
    const redis = createStoreRedis(inject("redisUrl"));
    try {
      await eventually(
        async () =>
          (await redis.exists(`${storePrefix}:{org:${LOCAL_ACME.orgUid}}:audit-cursor`)) === 1,
        "cursor",
      );
      await controlCall(`/organizations/${LOCAL_ACME.orgUid}/members/${MIA}/roles`, "PUT", {
        org_roles: ["blt_role_acme_admin"],
      });
      // Generous hang guards, not speed targets: how fast a change propagates is measured by
      // `npm run bench` (propagation p50/p95/p99), and a loaded CI machine must not fail this.
      const promoted = await eventually(
        async () => {
          const user = await miaOn(1001);
          return user && user.roles.includes("segment_manager") ? user : undefined;
        },
        "Mia's Editor roles in Lytics",
        600,
      );
      expect(promoted.roles).not.toContain("observer");

      await controlCall(`/organizations/${LOCAL_ACME.orgUid}/members/${MIA}`, "DELETE");
      await eventually(
        async () => (await miaOn(1001)) === undefined || undefined,
        "Mia removed from Lytics",
        600,
      );

      const audit = createAuditLogStore({ redis, keyPrefix: storePrefix });
      const page = await audit.read(LOCAL_ACME.orgUid, {
        person: { email: MIA },
        kinds: ["change-applied"],
      });
      const changes = page.entries.map((entry) =>
        entry.kind === "change-applied" ? entry.change : null,
      );
      // The first full reconcile removed Mia (a Member without a grant); the promotion invites her back.
      expect(changes).toContain("invite");
      expect(changes).toContain("remove");
      for (const entry of page.entries)
        if (entry.kind === "change-applied") expect(entry.why.text).not.toBe("");
    } finally {
      await closeStoreRedis(redis);
    }
  }, 60_000);
});
