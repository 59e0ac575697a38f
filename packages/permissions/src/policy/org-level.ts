import { decide, type Decision } from "../decision";
import { levelLabel, ORG_ROLE_LEVEL, type AccessLevel, type OrgStanding } from "./access-levels";
import { DEFAULT_MAPPING_POLICY } from "./default-policy";
import type { MappingPolicy } from "./mapping-policy";

/** The access level a person's organization role gives, and the Lytics roles it writes. */
export interface LevelAnswer extends Decision {
  readonly orgRole: OrgStanding;
  /** `null` for a Member without a grant and for people outside the organization. */
  readonly level: AccessLevel | null;
  readonly levelLabel: string | null;
  /** Slugs the sync writes on every project for this level (project grants come on top). */
  readonly roles: readonly string[];
  /** For Members: the levels an Owner or Admin may grant them under this policy. */
  readonly memberGrantableLevels?: readonly AccessLevel[];
  readonly policyVersion: number;
}

/** Input of {@link accessLevelFor}. */
export interface LevelQuery {
  readonly orgRole: OrgStanding;
  /** A level an Owner or Admin granted this Member; ignored for every other org role. */
  readonly grantedLevel?: AccessLevel | null | undefined;
}

/**
 * Seed 000: the access level of an organization role under a mapping policy. `allowed` is true
 * when the level writes at least one Lytics role.
 */
export function accessLevelFor(
  query: LevelQuery,
  policy: MappingPolicy = DEFAULT_MAPPING_POLICY,
): LevelAnswer {
  const { orgRole, grantedLevel } = query;
  const version = `mapping policy v${policy.version}`;
  const answer = (
    level: AccessLevel | null,
    rule: LevelAnswer["rule"],
    reasons: string[],
    extra: Partial<LevelAnswer> = {},
  ): LevelAnswer => {
    const roles = level ? [...policy.levels[level].roles] : [];
    return {
      ...decide(roles.length > 0, "org-role", rule, reasons),
      orgRole,
      level,
      levelLabel: level ? levelLabel(level) : null,
      roles,
      ...extra,
      policyVersion: policy.version,
    };
  };
  const writes = (level: AccessLevel): string => {
    const roles = policy.levels[level].roles;
    return roles.length > 0
      ? `writes ${roles.join(", ")} (${version})`
      : `writes no Lytics roles (${version})`;
  };

  switch (orgRole) {
    case "none":
      return answer(null, "level.not-in-org", [
        "Not in the organization (or a pending invitation): no access level, nothing is written.",
      ]);
    case "owner":
    case "admin": {
      const level = ORG_ROLE_LEVEL[orgRole] ?? "restricted";
      return answer(level, orgRole === "owner" ? "level.org-owner" : "level.org-admin", [
        `Organization ${orgRole === "owner" ? "Owner" : "Admin"} has access level ${levelLabel(level)}, which ${writes(level)}.`,
        "Seed 000 role mapping.",
      ]);
    }
    case "guest":
      return answer("restricted", "level.guest-restricted", [
        "Guest / collaborator has access level Restricted: no Lytics roles unless explicitly granted on a project.",
        "Seed 000 role mapping.",
      ]);
    case "member": {
      const grantable = [...policy.memberGrantableLevels];
      if (grantedLevel && (grantable as readonly string[]).includes(grantedLevel)) {
        return answer(
          grantedLevel,
          "level.member-grant",
          [
            `Member was granted access level ${levelLabel(grantedLevel)}, which ${writes(grantedLevel)}.`,
            "Seed 000: an Owner or Admin may grant a Member one of the policy's member levels.",
          ],
          { memberGrantableLevels: grantable },
        );
      }
      const why = grantedLevel
        ? `The recorded grant ${levelLabel(grantedLevel)} is not a level Members may be granted under ${version}, so it is not enforced.`
        : "No access level was granted.";
      return answer(
        null,
        "level.member-default",
        [
          `Member has no access by default (seed 002). ${why}`,
          `An Owner or Admin may grant: ${grantable.map(levelLabel).join(", ") || "nothing (policy allows no member levels)"}.`,
        ],
        { memberGrantableLevels: grantable },
      );
    }
  }
}
