import { defineRow, type MatrixRow } from "./matrix-row";

/**
 * Navigation items of seed 001 ("what is shown in the navigation for each role"), in seed order.
 * These ids are the CLI's `item` values.
 */
export const NAV_ITEMS = [
  "dashboard",
  "goals",
  "experiences",
  "audiences",
  "discovery",
  "user-search",
  "user-profiles",
  "gdpr-profile-delete",
  "content-overview",
  "content-topics",
  "content-collections",
  "jobs-auths",
  "data-streams",
  "user-fields",
  "queries",
  "schema-audit",
  "personalize",
  "lookalike-models",
] as const;

/** A navigation item id. */
export type NavItem = (typeof NAV_ITEMS)[number];

/**
 * The navigation matrix. `seedCount` is the number of x's seed 001 prints on the row; the holders
 * are DESIGN §3.2's assignment, which must add up to that count (checked by the tests).
 */
export const NAVIGATION_MATRIX: readonly MatrixRow<NavItem>[] = [
  defineRow({
    id: "dashboard",
    group: "Dashboard",
    label: "Dashboard",
    seedCount: 11,
    holders: ["A", "AM", "CM", "CoM", "DM", "DI", "EM", "GM", "MK", "OB", "US"],
  }),
  defineRow({ id: "goals", group: "Goals", label: "Goals", seedCount: 2, holders: ["A", "GM"] }),
  defineRow({
    id: "experiences",
    group: "Experiences",
    label: "Experiences",
    seedCount: 3,
    holders: ["A", "CM", "EM"],
  }),
  defineRow({
    id: "audiences",
    group: "Audiences",
    label: "Audiences",
    seedCount: 8,
    holders: ["A", "AM", "CM", "DM", "DI", "EM", "MK", "OB"],
  }),
  defineRow({
    id: "discovery",
    group: "Audiences",
    label: "Discovery",
    seedCount: 2,
    holders: ["A", "DI"],
  }),
  defineRow({
    id: "user-search",
    group: "Audiences",
    label: "User Search",
    seedCount: 3,
    holders: ["A", "DM", "US"],
  }),
  defineRow({
    id: "user-profiles",
    group: "Audiences",
    label: "User Profiles",
    seedCount: 3,
    holders: ["A", "DM", "US"],
  }),
  defineRow({
    id: "gdpr-profile-delete",
    group: "Audiences",
    label: "GDPR Profile Delete",
    seedCount: 2,
    holders: ["A", "DM"],
  }),
  defineRow({
    id: "content-overview",
    group: "Content",
    label: "Overview",
    seedCount: 4,
    holders: ["A", "CM", "CoM", "MK"],
  }),
  defineRow({
    id: "content-topics",
    group: "Content",
    label: "Topics",
    seedCount: 4,
    holders: ["A", "CM", "CoM", "MK"],
  }),
  defineRow({
    id: "content-collections",
    group: "Content",
    label: "Collections",
    seedCount: 4,
    holders: ["A", "CM", "CoM", "MK"],
  }),
  defineRow({
    id: "jobs-auths",
    group: "Data",
    label: "Jobs / Auths",
    seedCount: 5,
    holders: ["A", "AM", "CM", "DM", "MK"],
  }),
  defineRow({
    id: "data-streams",
    group: "Data",
    label: "Data Streams",
    seedCount: 2,
    holders: ["A", "DM"],
  }),
  defineRow({
    id: "user-fields",
    group: "Data",
    label: "User Fields",
    seedCount: 2,
    holders: ["A", "DM"],
  }),
  defineRow({ id: "queries", group: "Data", label: "Queries", seedCount: 2, holders: ["A", "DM"] }),
  defineRow({
    id: "schema-audit",
    group: "Data",
    label: "Schema Audit",
    seedCount: 2,
    holders: ["A", "DM"],
  }),
  defineRow({
    id: "personalize",
    group: "Personalize",
    label: "Personalize",
    seedCount: 4,
    holders: ["A", "CM", "EM", "MK"],
  }),
  // The matrix shows Admin alone; the footnote rule (lookalike-rule.ts) adds the other way in.
  defineRow({
    id: "lookalike-models",
    group: "Look-a-like Models",
    label: "Look-a-like Models",
    seedCount: 1,
    holders: ["A"],
  }),
];

const BY_ID = new Map<string, MatrixRow<NavItem>>(NAVIGATION_MATRIX.map((row) => [row.id, row]));

/** True when `value` is a navigation item id. */
export function isNavItem(value: string): value is NavItem {
  return BY_ID.has(value);
}

/** The matrix row of a navigation item. */
export function navRow(item: NavItem): MatrixRow<NavItem> {
  const row = BY_ID.get(item);
  if (!row) throw new RangeError(`no navigation row "${item}"`);
  return row;
}
