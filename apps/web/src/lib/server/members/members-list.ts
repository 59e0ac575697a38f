import "server-only";

import type { Decision } from "@lytics-access/permissions";
import type { DirectoryMeta } from "@lytics-access/store";

import { authorize } from "../authorize";
import type { SessionState } from "../load-session";
import type { Services } from "../services";
import { memberDirectory } from "./member-directory";
import { memberRowView, type MemberRowView } from "./member-view";
import type { MembersQuery } from "./members-query";

type Active = Extract<SessionState, { status: "active" }>;

/** Who may see which rows of the Members page (DESIGN §3.3: organization settings, §3.1). */
export type MembersScope =
  | { readonly kind: "everyone" }
  /** A Member sees their own row: their access, explained, never other people's. */
  | { readonly kind: "self"; readonly reason: string }
  | { readonly kind: "refused"; readonly decision: Decision };

/**
 * Owners and Admins see everyone (`org.settings`, seed 002: organization settings are theirs).
 * A Member is refused the list by the same rule but still sees their own row, since what they may
 * do in Data & Insights is theirs to know. A Guest (Restricted, §3.1) is refused the page.
 */
export function membersScope(person: Active["person"]): MembersScope {
  const decision = authorize(person, "org.settings");
  if (decision.allowed) return { kind: "everyone" };
  if (person.role === "member")
    return {
      kind: "self",
      reason: `Only the organization's Owners and Admins see every member (${decision.rule}); you see your own access.`,
    };
  return {
    kind: "refused",
    decision: {
      ...decision,
      reasons: [
        "A Guest of the organization has no member list: it is part of the organization's settings, which are for its Owners and Admins.",
        ...decision.reasons,
      ],
    },
  };
}

export interface MembersPage {
  readonly scope: "everyone" | "self";
  readonly scopeReason: string | null;
  readonly rows: MemberRowView[];
  readonly matching: number;
  readonly page: number;
  readonly pageSize: number;
  readonly pageCount: number;
  /** Everyone in the snapshot. */
  readonly total: number;
  readonly readAt: number;
  readonly updatedAt: number;
  readonly projects: DirectoryMeta["projects"];
}

export type MembersResult =
  | { readonly kind: "refused"; readonly decision: Decision }
  /** No reconcile has written the directory yet. */
  | { readonly kind: "no-directory"; readonly connected: boolean; readonly canSync: boolean }
  | ({ readonly kind: "ok"; readonly canSync: boolean } & MembersPage);

/** One page of the Members table for this person, filtered and paged on the server. */
export async function loadMembers(
  svc: Services,
  state: Active,
  query: MembersQuery,
): Promise<MembersResult> {
  const scope = membersScope(state.person);
  if (scope.kind === "refused") return { kind: "refused", decision: scope.decision };
  const orgUid = state.session.orgUid;
  const canSync = scope.kind === "everyone";
  const found = await memberDirectory(svc).query(orgUid, {
    search: query.q,
    orgRole: query.role,
    level: query.level,
    project: query.project,
    status: query.status,
    page: query.page,
    pageSize: query.size,
    ...(scope.kind === "self" ? { keys: [state.session.userUid] } : {}),
  });
  if (!found) {
    const installation = await svc.installations.get(orgUid);
    return {
      kind: "no-directory",
      connected: installation !== null && installation.status !== "needs-reconnect",
      canSync,
    };
  }
  return {
    kind: "ok",
    canSync,
    scope: scope.kind,
    scopeReason: scope.kind === "self" ? scope.reason : null,
    rows: found.rows.map(memberRowView),
    matching: found.matching,
    page: found.page,
    pageSize: found.pageSize,
    pageCount: found.pageCount,
    total: found.meta.total,
    readAt: found.meta.readAt,
    updatedAt: found.meta.updatedAt,
    projects: found.meta.projects,
  };
}

/** Whether this person may read this row (everyone's for Owners and Admins, their own otherwise). */
export function maySee(state: Active, key: string): MembersScope {
  const scope = membersScope(state.person);
  if (scope.kind === "self" && key !== state.session.userUid)
    return {
      kind: "refused",
      decision: {
        ...authorize(state.person, "org.settings"),
        reasons: [
          "A Member sees only their own access; other people's is for the organization's Owners and Admins.",
        ],
      },
    };
  return scope;
}
