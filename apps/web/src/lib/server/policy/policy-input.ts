import "server-only";

import {
  safeParseMappingPolicy,
  type MappingPolicy,
  type PolicyIssue,
} from "@lytics-access/permissions";
import { z } from "zod";

/**
 * What the policy editor sends. The envelope is checked here; the policy itself by
 * packages/permissions' rules (the same the store and the worker apply), whose issues each name
 * their field (`levels.editor.roles[2]`) so the form can show them beside it.
 */
export const policyEditSchema = z.strictObject({
  levels: z.unknown(),
  memberGrantableLevels: z.unknown(),
  note: z.string().trim().max(2000).optional(),
});

export const policySaveSchema = policyEditSchema.extend({
  /** The version the editor started from; a save over a newer one is refused (409). */
  expectedVersion: z.number().int().min(0),
});

export type PolicyCheck =
  | { readonly ok: true; readonly policy: MappingPolicy }
  | { readonly ok: false; readonly issues: readonly PolicyIssue[] };

/** The edited policy as the version after `current`, or every issue with its field path. */
export function checkCandidate(
  edit: z.output<typeof policyEditSchema>,
  current: MappingPolicy,
  /** The roles the organization's projects offer; @defaultValue the static catalogue */
  rolesAvailable?: readonly string[],
): PolicyCheck {
  const parsed = safeParseMappingPolicy(
    {
      version: current.version + 1,
      levels: edit.levels,
      memberGrantableLevels: edit.memberGrantableLevels,
      ...(edit.note ? { note: edit.note } : {}),
    },
    rolesAvailable ? { rolesAvailable } : {},
  );
  return parsed.success
    ? { ok: true, policy: parsed.policy }
    : { ok: false, issues: parsed.error.issues };
}

/** A zod failure of the envelope in the same shape as the policy's own issues. */
export function envelopeIssues(error: z.ZodError): PolicyIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.join(".") || "(policy)",
    message: issue.message,
  }));
}
