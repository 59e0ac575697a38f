// The Management API resolves its caller through Contentstack and caches the answer. A removal
// from the organization, or a role change, must take effect on the very next call: the cache may
// never outlive a membership change (issue 8). No test here waits on the clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { RunningEmulators } from "../../src/start-emulators";
import { authtokenFor, managementHeaders, startBoth } from "./support/both-emulators";
import { call } from "./support/http";

let emulators: RunningEmulators;

beforeAll(async () => {
  emulators = await startBoth({ lyticsRateLimitPerSecond: false, contentstackRateLimit: false });
});
afterAll(async () => emulators.close());
beforeEach(async () => {
  await call(emulators.contentstack.url, "POST", "/_emulator/reset");
  await call(emulators.lytics.url, "POST", "/_emulator/reset");
});

const listProjects = (authtoken: string) =>
  call(emulators.lytics.url, "GET", "/projects", { headers: managementHeaders(authtoken) });

describe("the Management API's caller cache", () => {
  it("refuses a person on the first call after they were removed from the organization (CMA)", async () => {
    const mia = await authtokenFor(emulators, "blt_user_mia");
    const olivia = await authtokenFor(emulators, "blt_user_olivia");
    expect((await listProjects(mia)).status).toBe(200); // now cached

    const removed = await call(
      emulators.contentstack.url,
      "DELETE",
      "/v3/organizations/blt_org_acme/share",
      {
        headers: { authtoken: olivia, organization_uid: "blt_org_acme" },
        body: { emails: ["mia.member@acme.test"] },
      },
    );
    expect(removed.status).toBeLessThan(300);

    const after = await listProjects(mia);
    expect(after.status).toBe(403);
    expect(after.body).toEqual({ message: "Forbidden", status: 403, error: "Forbidden" });
  });

  it("refuses a person on the first call after the control API removed them", async () => {
    const mia = await authtokenFor(emulators, "blt_user_mia");
    expect((await listProjects(mia)).status).toBe(200);
    const removed = await call(
      emulators.contentstack.url,
      "DELETE",
      "/_emulator/organizations/blt_org_acme/members/mia.member@acme.test",
    );
    expect(removed.status).toBe(204);
    expect((await listProjects(mia)).status).toBe(403);
  });

  it("applies an organization role change on the next call (an Admin demoted to Member)", async () => {
    const ada = await authtokenFor(emulators, "blt_user_ada");
    expect((await listProjects(ada)).body).toHaveLength(2); // org Admin: every project
    const demoted = await call(
      emulators.contentstack.url,
      "PUT",
      "/_emulator/organizations/blt_org_acme/members/ada.admin@acme.test/roles",
      { body: { org_roles: ["blt_role_acme_member"] } },
    );
    expect(demoted.status).toBe(200);
    // A Member sees only the projects they collaborate on: Ada is on Acme Campaigns only.
    expect((await listProjects(ada)).body.map((p: { name: string }) => p.name)).toEqual([
      "Acme Campaigns",
    ]);
  });

  it("still answers a burst of reads from the cache (one Contentstack lookup)", async () => {
    const mia = await authtokenFor(emulators, "blt_user_mia");
    await call(emulators.contentstack.url, "DELETE", "/_emulator/calls");
    for (let i = 0; i < 5; i += 1) expect((await listProjects(mia)).status).toBe(200);
    const calls = await call(emulators.contentstack.url, "GET", "/_emulator/calls");
    expect(calls.body.counts["GET /v3/user"]).toBe(1);
  });
});
