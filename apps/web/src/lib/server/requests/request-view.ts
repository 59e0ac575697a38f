import { isLyticsRoleSlug, roleName, type LyticsRoleSlug } from "@lytics-access/permissions";
import type { AccessRequest } from "@lytics-access/store";

/** A request as the pages and the JSON answers show it: role names beside slugs, who decided. */
export interface RequestView {
  readonly id: string;
  readonly version: number;
  readonly status: AccessRequest["status"];
  readonly projectUid: string;
  readonly projectName: string;
  readonly requester: { readonly userUid: string; readonly email: string; readonly name: string };
  readonly roles: readonly string[];
  readonly roleNames: readonly string[];
  readonly reason: string;
  readonly createdAt: number;
  readonly decidedBy: string | null;
  readonly decidedAt: number | null;
  readonly decisionReason: string | null;
  readonly expiresAt: number | null;
}

const nameOfRole = (slug: string): string =>
  isLyticsRoleSlug(slug) ? roleName(slug as LyticsRoleSlug) : slug;

export function toRequestView(request: AccessRequest): RequestView {
  const by = request.decidedBy;
  return {
    id: request.id,
    version: request.version,
    status: request.status,
    projectUid: request.projectUid,
    projectName: request.projectName,
    requester: {
      userUid: request.requester.userUid,
      email: request.requester.email,
      name: request.requester.name ?? request.requester.email,
    },
    roles: request.roles,
    roleNames: request.roles.map(nameOfRole),
    reason: request.reason,
    createdAt: request.createdAt,
    decidedBy: by ? (by.type === "system" ? by.name : (by.name ?? by.email ?? by.uid)) : null,
    decidedAt: request.decidedAt ?? null,
    decisionReason: request.decisionReason ?? null,
    expiresAt: request.expiresAt ?? null,
  };
}
