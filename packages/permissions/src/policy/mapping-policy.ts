import { z } from "zod";
import { LYTICS_ROLE_SLUGS } from "../catalogue/roles";
import { InvalidPolicyError, type PolicyIssue } from "../errors/invalid-policy-error";
import { MEMBER_GRANTABLE_CANDIDATES, type AccessLevel } from "./access-levels";

/**
 * An organization's mapping policy (DESIGN §3.1): which Lytics roles each access level writes,
 * and which levels a Member may be granted. Versioned so the audit log can say which policy
 * produced a change.
 */
export interface MappingPolicy {
  /** Revision number, 1 for the first policy; each saved edit increments it. */
  readonly version: number;
  /** ISO 8601 time of the edit that produced this version. */
  readonly updatedAt?: string | undefined;
  /** Who made that edit (a Contentstack user uid). */
  readonly updatedBy?: string | undefined;
  /** Free text shown in the audit log. */
  readonly note?: string | undefined;
  /** Lytics role slugs each level writes. */
  readonly levels: Readonly<Record<AccessLevel, { readonly roles: readonly string[] }>>;
  /** Levels an Owner or Admin may grant to a Member. */
  readonly memberGrantableLevels: readonly (typeof MEMBER_GRANTABLE_CANDIDATES)[number][];
}

/** Options of {@link parseMappingPolicy}. */
export interface ParsePolicyOptions {
  /**
   * The `roles_available` slugs of a real Lytics account. When given, they win over the static
   * catalogue: a slug outside this list is refused even if the catalogue knows it.
   * @defaultValue the eleven catalogue slugs
   */
  readonly rolesAvailable?: readonly string[] | undefined;
}

const roleList = z.array(z.string());
const level = z.strictObject({ roles: roleList });

const policyShape = z.strictObject({
  version: z.number().int().min(1),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
  updatedBy: z.string().min(1).optional(),
  note: z.string().max(2000).optional(),
  levels: z.strictObject({
    admin: level,
    editor: level,
    "audience-manager": level,
    "data-manager": level,
    restricted: level,
  }),
  memberGrantableLevels: z.array(z.enum(MEMBER_GRANTABLE_CANDIDATES)),
});

/** `["levels","editor","roles",2]` -> `levels.editor.roles[2]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(policy)" : out;
}

// Rules the shape cannot express. Each issue names the field so the policy editor can point at it.
function semanticIssues(
  policy: z.infer<typeof policyShape>,
  known: ReadonlySet<string>,
  source: string,
): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  for (const [levelId, { roles }] of Object.entries(policy.levels)) {
    const seen = new Set<string>();
    roles.forEach((slug, index) => {
      const path = `levels.${levelId}.roles[${index}]`;
      if (!known.has(slug))
        issues.push({ path, message: `unknown Lytics role "${slug}" (not in ${source})` });
      else if (seen.has(slug)) issues.push({ path, message: `duplicate role "${slug}"` });
      seen.add(slug);
    });
    if (levelId === "restricted" && roles.length > 0)
      issues.push({
        path: "levels.restricted.roles",
        message: "must be empty: Guests get nothing unless granted per project (seed 000)",
      });
    else if (levelId !== "restricted" && roles.length === 0)
      issues.push({ path: `levels.${levelId}.roles`, message: "must name at least one role" });
  }
  if (!policy.levels.admin.roles.includes("admin"))
    issues.push({
      path: "levels.admin.roles",
      message: 'must include "admin": the organization Owner administers every project (seed 002)',
    });
  const seenLevels = new Set<string>();
  policy.memberGrantableLevels.forEach((levelId, index) => {
    if (seenLevels.has(levelId))
      issues.push({
        path: `memberGrantableLevels[${index}]`,
        message: `duplicate level "${levelId}"`,
      });
    seenLevels.add(levelId);
  });
  return issues;
}

/** The outcome of {@link safeParseMappingPolicy}. */
export type PolicyParseResult =
  | { readonly success: true; readonly policy: MappingPolicy }
  | { readonly success: false; readonly error: InvalidPolicyError };

/**
 * Validates a mapping policy without throwing. Unknown fields, wrong types, unknown or duplicate
 * role slugs and levels that break seed 000/002 are all reported, each with its field path.
 */
export function safeParseMappingPolicy(
  input: unknown,
  options: ParsePolicyOptions = {},
): PolicyParseResult {
  const shaped = policyShape.safeParse(input);
  if (!shaped.success) {
    const issues = shaped.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    }));
    return { success: false, error: new InvalidPolicyError(issues) };
  }
  const known = new Set(options.rolesAvailable ?? LYTICS_ROLE_SLUGS);
  const source = options.rolesAvailable
    ? "the account's roles_available"
    : "the Lytics role catalogue";
  const issues = semanticIssues(shaped.data, known, source);
  if (issues.length > 0) return { success: false, error: new InvalidPolicyError(issues) };
  return { success: true, policy: shaped.data };
}

/**
 * Validates a mapping policy.
 *
 * @throws {@link InvalidPolicyError} naming every offending field, e.g.
 *   `levels.editor.roles[2]: unknown Lytics role "segmnt_manager" (not in the Lytics role catalogue)`.
 */
export function parseMappingPolicy(
  input: unknown,
  options: ParsePolicyOptions = {},
): MappingPolicy {
  const result = safeParseMappingPolicy(input, options);
  if (!result.success) throw result.error;
  return result.policy;
}
