import {
  ACCESS_LEVELS,
  isLyticsRoleSlug,
  roleName,
  type AccessLevel,
  type MappingPolicy,
} from "@lytics-access/permissions";

const label = (level: string) => ACCESS_LEVELS.find((entry) => entry.id === level)?.label ?? level;
const role = (slug: string) => (isLyticsRoleSlug(slug) ? roleName(slug) : slug);

/**
 * What changed from one policy version to the next, in words: per level the roles added and
 * removed, and the levels Members may now or no longer be granted.
 */
export function policyChanges(before: MappingPolicy, after: MappingPolicy): string[] {
  const out: string[] = [];
  for (const { id } of ACCESS_LEVELS) {
    const was = new Set(before.levels[id as AccessLevel].roles);
    const now = new Set(after.levels[id as AccessLevel].roles);
    const added = [...now].filter((slug) => !was.has(slug)).map(role);
    const removed = [...was].filter((slug) => !now.has(slug)).map(role);
    if (added.length === 0 && removed.length === 0) continue;
    out.push(
      `${label(id)}: ${[
        ...(added.length > 0 ? [`adds ${added.join(", ")}`] : []),
        ...(removed.length > 0 ? [`removes ${removed.join(", ")}`] : []),
      ].join("; ")}`,
    );
  }
  const wasGrantable = new Set<string>(before.memberGrantableLevels);
  const nowGrantable = new Set<string>(after.memberGrantableLevels);
  const allowed = [...nowGrantable].filter((level) => !wasGrantable.has(level)).map(label);
  const withdrawn = [...wasGrantable].filter((level) => !nowGrantable.has(level)).map(label);
  if (allowed.length > 0) out.push(`Members may now be granted ${allowed.join(", ")}`);
  if (withdrawn.length > 0) out.push(`Members may no longer be granted ${withdrawn.join(", ")}`);
  return out;
}
