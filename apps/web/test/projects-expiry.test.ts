// Issue 11 "Projects": an invitation with an expiry is a grant the real worker enforces. While it
// is in force the sync keeps the invited person (the sync removes anyone without a reason to be
// on a project, DESIGN §3.4); once it has lapsed the next sync takes the access away and audits
// why. Both emulators, the run's Redis and a real worker whose clock the test moves (a contractor's
// 30 days pass in one step; nothing waits on the machine's speed).
import type { RunningWorker } from "@lytics-access/worker";
import { afterAll, describe, expect, it } from "vitest";

import { memberDirectory } from "../src/lib/server/members/member-directory";
import { inviteCollaboratorsHandler } from "../src/lib/server/projects/collaborators";
import { getProjectHandler } from "../src/lib/server/projects/project-item";
import { organizationToken } from "../src/lib/server/org-credential";
import { useFullHarness } from "./support/full-harness";
import { ACME, MIA, OLIVIA, appRequest } from "./support/harness";
import { eventually, startTestWorker } from "./support/start-test-worker";

const h = useFullHarness();
const CAMPAIGNS = "66ac00000000000000001002"; // owner Max; Mia is not on it
const MAX = "blt_user_max";
const DAY_MS = 86_400_000;

describe("an invitation's expiry, enforced by the sync", () => {
  let worker: RunningWorker | undefined;
  afterAll(async () => {
    await worker?.close();
  });

  it("keeps Mia while her grant is in force, removes her once it has lapsed, and tells of invitees outside the organization", async () => {
    await h.connectOrganization(OLIVIA.uid, OLIVIA.email);
    const max = await h.signIn(MAX);
    // The worker's clock: real time until the test moves it past the grant's expiry.
    let skewMs = 0;
    worker = await startTestWorker(h.svc, h.link, { now: () => Date.now() + skewMs });
    const lytics = h.svc.lyticsAs(ACME, (await organizationToken(h.svc, ACME)) ?? "");
    const miaRoles = async () =>
      (await lytics.listCollaborators(CAMPAIGNS)).find((c) => c.email === MIA.email)?.roles ?? null;
    // Runs the grant asked for (targeted runs are recorded as "person"; a worker may also reconcile when it starts).
    const runs = async () =>
      (await h.svc.syncRuns.list(ACME)).filter((run) => run.trigger === "person").length;

    // Contractor access for 30 days.
    const expiresAt = Date.now() + 30 * DAY_MS;
    const before = await runs();
    const invited = await inviteCollaboratorsHandler(
      h.svc,
      appRequest(`/api/projects/${CAMPAIGNS}/collaborators`, {
        cookie: max.cookie,
        csrf: max.csrf,
        body: { emails: [MIA.email], roles: ["observer"], expiresAt },
      }),
      h.link,
    );
    expect(invited.status).toBe(201);
    expect(((await invited.json()) as { syncJobId: string | null }).syncJobId).toBeTruthy();

    // The sync queued by the invitation ran, and kept her: the grant is her reason to be there.
    await eventually(async () => (await runs()) > before, "the invitation's sync run");
    expect(await miaRoles()).toEqual(["observer"]);

    // 31 days later, the next sync of her removes the access and says why.
    skewMs = 31 * DAY_MS;
    const afterFirst = await runs();
    await h.link.enqueuer().syncPeople(ACME, [MIA.email], { trigger: "grant" });
    await eventually(async () => (await runs()) > afterFirst, "the sync after the expiry");
    await eventually(async () => (await miaRoles()) === null, "Mia removed from the project");
    const audit = await h.svc.auditLog.read(ACME, {
      kinds: ["grant-expired"],
      projectUid: CAMPAIGNS,
    });
    // The expiry is audited for her grant, with the date it lapsed on.
    expect(audit.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "grant-expired",
          projectUid: CAMPAIGNS,
          person: expect.objectContaining({ email: MIA.email }),
          roles: ["observer"],
          expiresAt,
        }),
      ]),
    );

    // Once the sync has read the organization, an invitation of someone outside it says that
    // the sync gives them nothing until they join (DESIGN §3.1); a member's says nothing.
    await h.link.enqueuer().syncNow(ACME, { trigger: "manual" });
    await eventually(() => memberDirectory(h.svc).meta(ACME), "the member directory");
    const invite = async (email: string, roles: string[]) =>
      (await (
        await inviteCollaboratorsHandler(
          h.svc,
          appRequest(`/api/projects/${CAMPAIGNS}/collaborators`, {
            cookie: max.cookie,
            csrf: max.csrf,
            body: { emails: [email], roles },
          }),
          h.link,
        )
      ).json()) as { notes: string[] };
    const outsider = await invite("someone@elsewhere.test", ["observer"]);
    expect(outsider.notes).toHaveLength(1);
    expect(outsider.notes[0]).toMatch(/someone@elsewhere.test is not in the organization/);
    // The project page flags the outsider on the project, and nobody else.
    const page = (await (
      await getProjectHandler(
        h.svc,
        appRequest(`/api/projects/${CAMPAIGNS}`, {
          method: "GET",
          cookie: max.cookie,
          origin: null,
        }),
      )
    ).json()) as { collaborators: { email: string; inOrganization: boolean | null }[] };
    expect(
      page.collaborators.filter((c) => c.inOrganization === false).map((c) => c.email),
    ).toEqual(["someone@elsewhere.test"]);
    expect((await invite("mona.member@acme.test", ["marketer", "segment_manager"])).notes).toEqual(
      [],
    );
  }, 90_000);
});
