// Issue 11 (Members page): every reconcile leaves the member directory the web app pages through,
// built from what the run read (members, collaborators, the app's records) and what it applied.
import { createMemberDirectoryStore } from "@lytics-access/store";
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import { describe, expect, inject, it } from "vitest";

import { LOCAL_ACME } from "../src/local/seed-local-installation";
import { createEnqueuer } from "../src/queues/enqueue";
import { createWorkerLogger } from "../src/log/create-logger";
import { eventually } from "./support/worker-env";
import { useWorkerWorld } from "./support/worker-world";

const world = useWorkerWorld({ env: { MAX_REMOVAL_SHARE: "1" }, timeoutMs: 30_000 });
const ORG = LOCAL_ACME.orgUid;

describe("member directory", () => {
  it("a full reconcile writes everyone; a targeted sync rewrites its person's row", async () => {
    const directory = createMemberDirectoryStore({
      redis: world.redis,
      keyPrefix: world.storePrefix,
    });
    const enqueuer = createEnqueuer({
      redisUrl: inject("redisUrl"),
      logger: createWorkerLogger({ level: "silent" }),
      prefix: world.queuePrefix,
    });
    try {
      await enqueuer.syncNow(ORG, { trigger: "manual" });
      const meta = await eventually(
        async () => (await directory.meta(ORG)) ?? undefined,
        "the directory after the first full reconcile",
      );
      expect(meta.runId).toMatch(/^run-/);
      expect(meta.total).toBeGreaterThanOrEqual(5);
      expect(meta.projects.map((p) => p.uid).length).toBeGreaterThan(0);

      const olivia = await directory.row(ORG, "blt_user_olivia");
      expect(olivia).toMatchObject({
        // Contentstack's member listing has no names; Lytics' collaborator listing does.
        name: "Olivia Owner",
        email: "olivia.owner@acme.test",
        orgRole: "owner",
        level: "admin",
        invitation: "accepted",
      });
      // The run invited her where she was missing: in sync once she accepts the Lytics invitation.
      expect(olivia?.status).not.toBe("out-of-sync");
      if (olivia?.status === "pending")
        expect(olivia.statusReasons.join(" ")).toMatch(/invitation is accepted/);
      // Owner -> Admin on every project, and the source says which rule gave it.
      for (const project of olivia?.projects ?? []) {
        expect(project.desired).toEqual(["admin"]);
        expect(project.actual).toEqual(["admin"]);
        expect(project.sources[0]).toMatchObject({ kind: "org-owner", rule: "desired.org-owner" });
      }
      const adam = await directory.row(ORG, "blt_user_adam");
      expect(adam).toMatchObject({ orgRole: "admin", level: "editor" });
      expect(adam?.status).not.toBe("out-of-sync");
      expect(adam?.projects.every((p) => p.sources[0]?.rule === "desired.org-admin")).toBe(true);
      // An invitation to the organization not yet accepted: pending, keyed by email.
      expect(await directory.row(ORG, "pam.pending@acme.test")).toMatchObject({
        uid: null,
        invitation: "pending",
        status: "pending",
      });
      const gus = await directory.row(ORG, "blt_user_gus");
      expect(gus).toMatchObject({ orgRole: "guest", level: "restricted", status: "in-sync" });
      // A Member without a level or grant is taken off the projects by the run: nothing left.
      const mia = await directory.row(ORG, "blt_user_mia");
      expect(mia).toMatchObject({
        name: "Mia Member",
        orgRole: "member",
        level: null,
        status: "in-sync",
      });
      // Lee left the organization: not a member, not in the directory.
      expect(await directory.row(ORG, "blt_user_lee")).toBeNull();

      const page = await directory.query(ORG, { orgRole: "admin" });
      expect(page?.rows.every((row) => row.orgRole === "admin")).toBe(true);

      await enqueuer.syncPeople(ORG, ["mia.member@acme.test"], { trigger: "manual" });
      const after = await eventually(async () => {
        const now = await directory.meta(ORG);
        return now && now.version > meta.version ? now : undefined;
      }, "the directory after the targeted sync");
      expect(after.runId).toMatch(/^people-/);
      expect(after.readAt).toBe(meta.readAt);
      expect(after.total).toBe(meta.total);
      expect(await directory.row(ORG, "blt_user_mia")).toMatchObject({ status: "in-sync" });
    } finally {
      await enqueuer.close();
    }
  }, 60_000);
});
