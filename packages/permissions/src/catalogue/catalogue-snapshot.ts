import { PROJECT_ACTION_TABLE, type ProjectActionRow } from "../project/project-actions";
import {
  ACCESS_LEVELS,
  ORG_ROLE_LEVEL,
  type AccessLevel,
  type OrgRole,
} from "../policy/access-levels";
import { DEFAULT_MAPPING_POLICY } from "../policy/default-policy";
import type { MappingPolicy } from "../policy/mapping-policy";
import { API_READ_FACT } from "./api-read";
import { LOOKALIKE_FOOTNOTE } from "./lookalike-footnote";
import { holdersOf, type MatrixCell, type MatrixRow } from "./matrix-row";
import { NAVIGATION_MATRIX } from "./navigation-matrix";
import { LYTICS_ROLES, type LyticsRole, type LyticsRoleSlug } from "./roles";
import { TASK_MATRIX } from "./task-matrix";

/** A matrix row as printed: cells with provenance, holders spelled out, no internal mask. */
export interface CatalogueRow {
  readonly id: string;
  readonly group: string;
  readonly label: string;
  readonly seedCount: number;
  readonly holders: readonly LyticsRoleSlug[];
  readonly cells: Readonly<Record<LyticsRoleSlug, MatrixCell>>;
  readonly evidence: string;
}

/** Every table this package reproduces, as plain data with provenance (the CLI's `catalogue` answer). */
export interface CatalogueSnapshot {
  readonly roles: readonly LyticsRole[];
  readonly navigation: readonly CatalogueRow[];
  readonly tasks: readonly CatalogueRow[];
  readonly apiReadForAllRoles: typeof API_READ_FACT;
  readonly lookalikeFootnote: typeof LOOKALIKE_FOOTNOTE;
  readonly accessLevels: typeof ACCESS_LEVELS;
  readonly orgRoleLevels: Readonly<Record<OrgRole, AccessLevel | null>>;
  readonly defaultPolicy: MappingPolicy;
  readonly projectActions: readonly ProjectActionRow[];
}

function toRow(row: MatrixRow<string>): CatalogueRow {
  return {
    id: row.id,
    group: row.group,
    label: row.label,
    seedCount: row.seedCount,
    holders: holdersOf(row),
    cells: row.cells,
    evidence: row.evidence,
  };
}

/** The whole catalogue (seeds 000, 001 and 002 as reproduced here) with provenance. */
export function catalogueSnapshot(): CatalogueSnapshot {
  return {
    roles: LYTICS_ROLES,
    navigation: NAVIGATION_MATRIX.map(toRow),
    tasks: TASK_MATRIX.map(toRow),
    apiReadForAllRoles: API_READ_FACT,
    lookalikeFootnote: LOOKALIKE_FOOTNOTE,
    accessLevels: ACCESS_LEVELS,
    orgRoleLevels: ORG_ROLE_LEVEL,
    defaultPolicy: DEFAULT_MAPPING_POLICY,
    projectActions: PROJECT_ACTION_TABLE,
  };
}
