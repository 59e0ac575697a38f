// Issue 11 "Policy": the mapping policy of DESIGN §3.1, viewed by Owners and Admins, edited by the
// Owner alone: field-level validation, a preview that is the sync's dry run under the edited
// policy (a real worker, both emulators), versioned saves (a stale one is refused), the audit
// entry, and a sync that takes the change to Lytics.
import { DEFAULT_MAPPING_POLICY } from "@lytics-access/permissions";
import type { RunningWorker } from "@lytics-access/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { setSyncLinkForTests } from "../src/lib/server/connect/sync-link";
import {
  getPolicyHandler,
  previewPolicyHandler,
  savePolicyHandler,
} from "../src/lib/server/policy/handlers";
import { useFullHarness, type AppSession } from "./support/full-harness";
import { ACME, MIA, OLIVIA, appRequest } from "./support/harness";
import { eventually, lyticsAccounts, startTestWorker } from "./support/start-test-worker";

const ADAM = { uid: "blt_user_adam", email: "adam.admin@acme.test" };
const GUS = { uid: "blt_user_gus", email: "gus.guest@partner.test" };
const ADA = "ada.admin@acme.test";
const CAMPAIGNS_AID = 1002;
const CAMPAIGNS = "66ac00000000000000001002";

const h = useFullHarness();
let worker: RunningWorker | undefined;
const as: Record<"olivia" | "adam" | "mia" | "gus", AppSession> = {} as never;

/** The default policy with the Editor bundle narrowed to Audience Manager alone. */
const NARROW_EDITOR = {
  levels: { ...DEFAULT_MAPPING_POLICY.levels, editor: { roles: ["segment_manager"] } },
  memberGrantableLevels: [...DEFAULT_MAPPING_POLICY.memberGrantableLevels],
  note: "Editors only manage audiences",
};

beforeAll(async () => {
  setSyncLinkForTests(h.link);
  await h.connectOrganization(OLIVIA.uid, OLIVIA.email);
  as.olivia = await h.signIn(OLIVIA.uid);
  as.adam = await h.signIn(ADAM.uid);
  as.mia = await h.signIn(MIA.uid);
  as.gus = await h.signIn(GUS.uid);
  // No removal guard in the way: this file is about the policy reaching Lytics.
  worker = await startTestWorker(h.svc, h.link, { maxRemovalShare: 1 });
  // The worker's first scheduled reconcile brings Lytics to the default policy; the edits below
  // are measured from there.
  await eventually(() => h.svc.syncRuns.latest(ACME), "the first reconcile");
}, 60_000);

afterAll(async () => {
  await worker?.close();
  setSyncLinkForTests(undefined);
});

const get = (session: AppSession) =>
  appRequest("/api/policy", { method: "GET", cookie: session.cookie });
const send = (path: string, method: string, session: AppSession, body: unknown) =>
  appRequest(path, { method, body, cookie: session.cookie, csrf: session.csrf });
const preview = (session: AppSession, body: unknown) =>
  previewPolicyHandler(h.svc, send("/api/policy/preview", "POST", session, body));
const save = (session: AppSession, body: unknown) =>
  savePolicyHandler(h.svc, send("/api/policy", "PUT", session, body));

async function bodyOf(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe("who sees and who edits", () => {
  it("refuses Members and Guests the page, with the rule and reasons", async () => {
    for (const session of [as.mia, as.gus]) {
      const page = await getPolicyHandler(h.svc, get(session));
      expect(page.status).toBe(403);
      const pageBody = await bodyOf(page);
      expect(pageBody).toMatchObject({ error: "forbidden", rule: "org.settings.org-admin-only" });
      expect(JSON.stringify(pageBody.reasons)).toMatch(/only organization Owners and Admins/);
      for (const response of [
        await preview(session, NARROW_EDITOR),
        await save(session, { ...NARROW_EDITOR, expectedVersion: 1 }),
      ]) {
        expect(response.status).toBe(403);
        const body = await bodyOf(response);
        expect(body).toMatchObject({ error: "forbidden", rule: "org.owner-only" });
        expect(JSON.stringify(body.reasons)).toMatch(
          /only the organization's Owner may change the mapping policy .*this person is an organization (Member|Guest)/,
        );
      }
    }
  });

  it("shows an Admin the policy and its history, but refuses their preview and save", async () => {
    const view = await bodyOf(await getPolicyHandler(h.svc, get(as.adam)));
    expect(view).toMatchObject({ canEdit: false, saved: false, history: [] });
    expect((view.policy as { version: number }).version).toBe(1);
    for (const response of [
      await preview(as.adam, NARROW_EDITOR),
      await save(as.adam, { ...NARROW_EDITOR, expectedVersion: 1 }),
    ]) {
      expect(response.status).toBe(403);
      const body = await bodyOf(response);
      expect(body.rule).toBe("org.owner-only");
      expect(body.reasons).toEqual([
        "policy.edit is denied: only the organization's Owner may change the mapping policy (DESIGN §3.1); this person is an organization Admin.",
        "Admins may view it and preview a change.",
      ]);
    }
    expect(await bodyOf(await getPolicyHandler(h.svc, get(as.olivia)))).toMatchObject({
      canEdit: true,
    });
  });
});

describe("the Owner edits", () => {
  it("names every bad field, for the preview and the save", async () => {
    const broken = {
      levels: {
        ...DEFAULT_MAPPING_POLICY.levels,
        editor: { roles: ["segmnt_manager"] },
        restricted: { roles: ["observer"] },
      },
      memberGrantableLevels: ["data-manager", "data-manager"],
    };
    for (const response of [
      await preview(as.olivia, broken),
      await save(as.olivia, { ...broken, expectedVersion: 1 }),
    ]) {
      expect(response.status).toBe(400);
      const body = await bodyOf(response);
      expect(body.error).toBe("invalid-policy");
      expect(body.issues).toEqual(
        expect.arrayContaining([
          {
            path: "levels.editor.roles[0]",
            message: expect.stringContaining('unknown Lytics role "segmnt_manager"'),
          },
          { path: "levels.restricted.roles", message: expect.stringContaining("must be empty") },
          { path: "memberGrantableLevels[1]", message: 'duplicate level "data-manager"' },
        ]),
      );
    }
    const envelope = await save(as.olivia, { ...NARROW_EDITOR, expectedVersion: "1", x: 1 });
    expect(envelope.status).toBe(400);
    expect((await bodyOf(envelope)).issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "expectedVersion" })]),
    );
  });

  it("previews the exact changes: the sync's dry run under the edited policy, nothing saved or written", async () => {
    const before = await lyticsAccounts(h.lyticsUrl);
    const response = await preview(as.olivia, NARROW_EDITOR);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      basedOnVersion: number;
      causedByEdit: string[];
      plan: {
        projects: {
          projectId: string;
          lines: {
            stepId: string;
            person: string;
            sign: string;
            before: string[];
            after: string[];
            why: { rule: string }[];
          }[];
        }[];
      };
    };
    expect(body.basedOnVersion).toBe(1);
    const ada = body.plan.projects
      .find((project) => project.projectId === CAMPAIGNS)
      ?.lines.find((line) => line.person === ADA);
    // Ada (org Admin) holds the default Editor bundle; the edited one is Audience Manager alone.
    expect(ada).toMatchObject({ sign: "~", after: ["segment_manager"] });
    expect([...(ada?.before ?? [])].sort()).toEqual(
      [...DEFAULT_MAPPING_POLICY.levels.editor.roles].sort(),
    );
    expect(ada?.why.map((why) => why.rule)).toContain("desired.org-admin");
    // Lytics already holds the saved policy's roles, so every change is the edit's own.
    expect(body.causedByEdit).toContain(ada?.stepId);
    expect(await lyticsAccounts(h.lyticsUrl)).toEqual(before);
    expect(await h.svc.policy.get(ACME)).toBeNull();
  });

  it("saves a new version, audited, refuses a stale save, and the sync takes it to Lytics", async () => {
    const saved = await save(as.olivia, { ...NARROW_EDITOR, expectedVersion: 1 });
    expect(saved.status).toBe(200);
    const body = await bodyOf(saved);
    expect(body.policy).toMatchObject({ version: 2, note: NARROW_EDITOR.note });
    expect(body.syncJobId).toEqual(expect.any(String));

    const stale = await save(as.olivia, {
      ...NARROW_EDITOR,
      levels: { ...NARROW_EDITOR.levels, editor: { roles: ["data_manager"] } },
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(await bodyOf(stale)).toMatchObject({
      error: "stale",
      currentVersion: 2,
      reasons: [expect.stringContaining("nothing was overwritten")],
    });
    expect((await h.svc.policy.getEffective(ACME)).levels.editor.roles).toEqual([
      "segment_manager",
    ]);

    const audit = await h.svc.auditLog.read(ACME, { kinds: ["policy-changed"] });
    expect(audit.entries).toEqual([
      expect.objectContaining({
        fromVersion: 1,
        toVersion: 2,
        note: NARROW_EDITOR.note,
        actor: expect.objectContaining({ uid: OLIVIA.uid, email: OLIVIA.email }),
      }),
    ]);

    const view = await bodyOf(await getPolicyHandler(h.svc, get(as.adam)));
    expect(view.history).toEqual([
      expect.objectContaining({
        version: 2,
        note: NARROW_EDITOR.note,
        changes: [
          "Editor: removes Content Manager, Discovery Insights, Experience Manager, Goal Manager",
        ],
      }),
    ]);

    await eventually(async () => {
      const campaigns = (await lyticsAccounts(h.lyticsUrl)).find((a) => a.aid === CAMPAIGNS_AID);
      const roles = campaigns?.users.find((user) => user.email === ADA)?.roles;
      return roles?.length === 1 && roles[0] === "segment_manager";
    }, "Ada's roles on Acme Campaigns follow the saved policy");
  });
});

describe("the roles the organization's projects offer", () => {
  it("refuses a role that a project does not offer (its roles_available), naming the field", async () => {
    const setOffered = (roles: string[] | null) =>
      fetch(`${h.lyticsUrl}/_emulator/lytics/accounts/${CAMPAIGNS_AID}/roles-available`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ roles_available: roles }),
      });
    // Acme Campaigns offers every catalogue role but Goal Manager, which the Editor bundle names.
    expect(
      (
        await setOffered([
          "admin",
          "segment_manager",
          "campaign_manager",
          "content_manager",
          "data_manager",
          "report_viewer",
          "experience_manager",
          "marketer",
          "observer",
          "user_search",
        ])
      ).ok,
    ).toBe(true);
    try {
      const response = await preview(as.olivia, {
        levels: DEFAULT_MAPPING_POLICY.levels,
        memberGrantableLevels: [...DEFAULT_MAPPING_POLICY.memberGrantableLevels],
      });
      expect(response.status).toBe(400);
      expect((await bodyOf(response)).issues).toEqual([
        {
          path: "levels.editor.roles[4]",
          message: `unknown Lytics role "goal_manager" (not in the account's roles_available)`,
        },
      ]);
    } finally {
      await setOffered(null);
    }
  });
});
