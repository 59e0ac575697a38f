import "server-only";

import type { SessionState } from "../load-session";
import type { Services } from "../services";
import { readOrgFacts } from "../troubleshooting/org-facts";
import { lastSignIns } from "./last-sign-in";
import { reviewRows, type ReviewRow } from "./review-rows";

type Active = Extract<SessionState, { status: "active" }>;

/** The last "I reviewed this access" sign-off, from the audit log. */
export interface SignOff {
  readonly by: string;
  readonly at: number;
  readonly note: string | null;
}

/** The access review as of one moment. */
export interface AccessReview {
  readonly asOf: number;
  /** `organization`: read with the connected credential; `person`: with the reviewer's token. */
  readonly source: "organization" | "person";
  readonly problems: readonly string[];
  readonly rows: readonly ReviewRow[];
  /** Projects whose collaborators could not be read (their rows are missing). */
  readonly unreadProjects: readonly string[];
  readonly lastSignOff: SignOff | null;
}

export async function lastSignOff(svc: Services, orgUid: string): Promise<SignOff | null> {
  const page = await svc.auditLog.read(orgUid, { kinds: ["access-review-signed-off"], limit: 1 });
  const entry = page.entries[0];
  if (!entry || entry.kind !== "access-review-signed-off") return null;
  const { actor } = entry;
  return {
    by: actor.type === "system" ? actor.name : (actor.name ?? actor.email ?? actor.uid),
    at: entry.at,
    note: entry.note ?? null,
  };
}

/**
 * Who holds which roles on which project and why, now: every project's collaborators (read with
 * the organization's connected credential, else the reviewer's own token, which an Owner or Admin
 * may use for every project), explained as the sync explains them, with grant expiries and the
 * last time each person opened the app where known.
 */
export async function loadAccessReview(
  svc: Services,
  state: Active,
  now: number = Date.now(),
): Promise<AccessReview> {
  const { orgUid } = state.session;
  const [facts, grants, owners, levels, policy, signIns, signOff] = await Promise.all([
    readOrgFacts(svc, state),
    svc.grants.list(orgUid),
    svc.projectOwners.list(orgUid),
    svc.memberLevels.list(orgUid),
    svc.policy.getEffective(orgUid),
    lastSignIns(svc, orgUid),
    lastSignOff(svc, orgUid),
  ]);
  const problems = [...facts.problems];
  if (facts.members === null)
    problems.push("The organization's users could not be read: standings and reasons are missing.");
  return {
    asOf: now,
    source: facts.source,
    problems,
    rows: reviewRows({
      orgUid,
      members: facts.members,
      projects: facts.projects,
      grants,
      owners,
      levels,
      policy,
      lastSignIns: signIns,
      now,
    }),
    unreadProjects: facts.projects.filter((p) => p.collaborators === null).map((p) => p.name),
    lastSignOff: signOff,
  };
}
