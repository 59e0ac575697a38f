import type { StoredAuditEntry } from "@lytics-access/store";

const roles = (list: readonly string[]) => (list.length > 0 ? list.join(", ") : "none");

/** One audit entry in a line of words (what the table's "What" column shows). */
export function auditSummary(entry: StoredAuditEntry): string {
  switch (entry.kind) {
    case "change-applied":
      return `${entry.change === "invite" ? "Invited" : entry.change === "remove" ? "Removed" : "Changed roles"}: ${roles(entry.beforeRoles)} → ${roles(entry.afterRoles)}. ${entry.why.text}`;
    case "plan-held":
      return `Plan ${entry.planId} held: ${entry.removals} removals (${(entry.share * 100).toFixed(1)}% > ${(entry.threshold * 100).toFixed(1)}%).`;
    case "plan-approved":
      return `Plan ${entry.planId} approved.`;
    case "plan-discarded":
      return `Plan ${entry.planId} discarded.`;
    case "drift-found":
      return `Changed inside Lytics: expected ${roles(entry.expectedRoles)}, found ${roles(entry.actualRoles)}.`;
    case "policy-changed":
      return `Mapping policy v${entry.fromVersion} → v${entry.toVersion}${entry.note ? `: ${entry.note}` : ""}.`;
    case "run-finished":
      return `Run ${entry.outcome} (${entry.trigger}): ${entry.counts.invites} invites, ${entry.counts.roleChanges} role changes, ${entry.counts.removals} removals in ${entry.durationMs} ms.`;
    case "credential-problem":
      return `Credential problem (${entry.problem}): ${entry.reason}`;
    case "installation-degraded":
      return `Degraded after ${entry.failureCount} failures: ${entry.reason}`;
    case "grant-saved":
    case "grant-removed":
    case "grant-expired":
    case "import-adopted":
    case "access-request-created":
    case "access-request-approved":
      return `Roles: ${roles(entry.roles)}.`;
    case "access-request-declined":
      return entry.reason ? `Declined: ${entry.reason}` : "Declined.";
    default:
      return "";
  }
}

/** Who did it, in words. */
export function actorText(entry: StoredAuditEntry): string {
  return entry.actor.type === "system"
    ? `system (${entry.actor.name})`
    : (entry.actor.name ?? entry.actor.email ?? entry.actor.uid);
}
