/**
 * The shape of every answer this package gives. Like CASL's `relevantRuleFor`, one lookup answers
 * both whether and why: the layer that decided, the stable id of the rule, and plain-words reasons
 * naming the roles or facts used. The UI and the audit log cite `rule` verbatim, so rule ids are
 * part of the public contract: add new ones, never rename.
 */

/** Which of the three layers of DESIGN §3 decided. */
export type Layer = "lytics-roles" | "org-role" | "project";

/** Stable identifiers of every rule that can decide. */
export type RuleId =
  // Lytics roles (seed 001)
  | "task.matrix"
  | "task.api-read-all-roles"
  | "pii.roles"
  | "nav.matrix"
  | "nav.lookalike-footnote"
  // Organization role -> access level (seed 000)
  | "level.org-owner"
  | "level.org-admin"
  | "level.member-grant"
  | "level.member-default"
  | "level.guest-restricted"
  | "level.not-in-org"
  // Project access (seed 002)
  | "project.not-in-org"
  | "project.precedence.org-admin"
  | "project.precedence.project-owner"
  | "project.precedence.project-role"
  | "project.precedence.denied"
  | "project.create.org-member"
  | "project.delete.collaborator-never"
  | "org.settings.org-admin-only"
  | "org.owner-only"
  | "project.guard.owner-protected"
  | "project.guard.last-admin"
  | "project.guard.passed"
  // Desired Lytics state (DESIGN §3.4)
  | "desired.org-owner"
  | "desired.org-admin"
  | "desired.member-level"
  | "desired.project-owner"
  | "desired.collaborator";

/** An explained access decision. Plain data: safe to serialise, log and show. */
export interface Decision {
  readonly allowed: boolean;
  readonly layer: Layer;
  readonly rule: RuleId;
  /** Plain-words explanation, most important first, naming the roles or facts used. */
  readonly reasons: readonly string[];
}

/** Builds a {@link Decision}; keeps call sites short and the field order stable in JSON. */
export function decide(
  allowed: boolean,
  layer: Layer,
  rule: RuleId,
  reasons: readonly string[],
): Decision {
  return { allowed, layer, rule, reasons };
}
