import type { MemberRowView } from "@/lib/server/members/member-view";

const BADGES = {
  "in-sync": { label: "In sync", tone: "la-badge-ok" },
  "out-of-sync": { label: "Out of sync", tone: "la-badge-bad" },
  pending: { label: "Pending", tone: "la-badge-warn" },
} as const;

/** The sync status of a person, as a badge whose title carries the first reason. */
export function StatusBadge({
  status,
  reasons,
}: Pick<MemberRowView, "status"> & { reasons?: readonly string[] }) {
  const badge = BADGES[status];
  return (
    <span className={`la-badge ${badge.tone}`} title={reasons?.[0]}>
      {badge.label}
    </span>
  );
}
