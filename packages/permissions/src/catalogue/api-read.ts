/**
 * Seed 001: "All roles have API read access to topic rollups, segment collections, and SegmentML."
 * Kept apart from the task matrix because it is a statement about every role rather than a row
 * of x's, and because SegmentML has no row of its own.
 */
export const API_READ_PERMISSIONS = [
  "api.topic-rollups.read",
  "api.segment-collections.read",
  "api.segmentml.read",
] as const;

/** A read-only API permission every role holds. */
export type ApiReadPermission = (typeof API_READ_PERMISSIONS)[number];

/** The documented fact behind {@link API_READ_PERMISSIONS}. */
export const API_READ_FACT = {
  permissions: API_READ_PERMISSIONS,
  source: "documented",
  evidence:
    "seed 001: all roles have API read access to topic rollups, segment collections, and SegmentML",
} as const;

/** True when `value` is an all-roles API read permission. */
export function isApiReadPermission(value: string): value is ApiReadPermission {
  return (API_READ_PERMISSIONS as readonly string[]).includes(value);
}
