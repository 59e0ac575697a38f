import {
  LYTICS_ROLES,
  LYTICS_ROLE_SLUGS,
  roleByAbbreviation,
  type LyticsRoleSlug,
  type RoleAbbreviation,
} from "./roles";

/**
 * Whether seed 001 fixes a cell for certain (`documented`) or DESIGN §3.2 assigned it because the
 * public copies of the matrices lost their columns (`inferred`).
 */
export type Provenance = "documented" | "inferred";

/** One cell of a matrix: does this role hold this row, and how do we know. */
export interface MatrixCell {
  readonly held: boolean;
  readonly source: Provenance;
}

/** One row of the navigation or task matrix, with one cell per catalogue role. */
export interface MatrixRow<Id extends string> {
  readonly id: Id;
  /** The seed section the row sits in, e.g. `Audiences (without PII)`. */
  readonly group: string;
  /** The row label as seed 001 prints it, e.g. `Duplicate`. */
  readonly label: string;
  /** How many roles seed 001 shows holding the row: the one fact that survived for every row. */
  readonly seedCount: number;
  readonly cells: Readonly<Record<LyticsRoleSlug, MatrixCell>>;
  /** Why the documented cells are documented (and, for inferred rows, where the rest came from). */
  readonly evidence: string;
  /** Bit i set when the role at catalogue index i holds the row; evaluation is a single AND. */
  readonly mask: number;
}

/** What a matrix module writes per row; everything else is derived. */
export interface RowSpec<Id extends string> {
  readonly id: Id;
  readonly group: string;
  readonly label: string;
  readonly seedCount: number;
  readonly holders: readonly RoleAbbreviation[];
  /** Set when seed 001's prose (not the lost table) names the holders. */
  readonly documentedByProse?: string;
}

/**
 * Decides a cell's provenance. Admin holds everything (seed 001, DESIGN §3.2), so: a row held by
 * all eleven is fully known; a row held by exactly one is Admin alone; the Admin cell is always
 * known. Anything else only seed 001's prose can fix.
 */
export function provenanceOf(
  slug: LyticsRoleSlug,
  seedCount: number,
  documentedByProse: boolean,
): Provenance {
  if (documentedByProse || seedCount === LYTICS_ROLES.length || seedCount === 1)
    return "documented";
  return slug === "admin" ? "documented" : "inferred";
}

function evidenceFor(spec: RowSpec<string>): string {
  if (spec.documentedByProse) return spec.documentedByProse;
  if (spec.seedCount === LYTICS_ROLES.length) return "seed 001: all eleven roles hold this row";
  if (spec.seedCount === 1)
    return "seed 001: exactly one role holds this row and Admin holds everything, so it is Admin alone";
  return (
    `seed 001 keeps only the count (${spec.seedCount} of 11); Admin holds everything, ` +
    "the other holders are DESIGN §3.2's default assignment"
  );
}

/** Builds a full row (cells, mask, evidence) from its compact spec. */
export function defineRow<Id extends string>(spec: RowSpec<Id>): MatrixRow<Id> {
  const holders = new Set<LyticsRoleSlug>(
    spec.holders.map((abbr) => roleByAbbreviation(abbr).slug),
  );
  const prose = spec.documentedByProse !== undefined;
  let mask = 0;
  const cells = {} as Record<LyticsRoleSlug, MatrixCell>;
  LYTICS_ROLE_SLUGS.forEach((slug, index) => {
    const held = holders.has(slug);
    if (held) mask |= 1 << index;
    cells[slug] = { held, source: provenanceOf(slug, spec.seedCount, prose) };
  });
  return {
    id: spec.id,
    group: spec.group,
    label: spec.label,
    seedCount: spec.seedCount,
    cells,
    evidence: evidenceFor(spec),
    mask,
  };
}

/** The slugs holding a row, in catalogue order. */
export function holdersOf(row: MatrixRow<string>): LyticsRoleSlug[] {
  return LYTICS_ROLE_SLUGS.filter((slug) => row.cells[slug].held);
}
