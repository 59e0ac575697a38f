/** One problem found in a mapping policy, located by its field path (e.g. `levels.editor.roles[2]`). */
export interface PolicyIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown when a mapping policy fails validation. The message lists every issue as
 * `path: message`, so the owner editing the policy sees which field to fix.
 */
export class InvalidPolicyError extends Error {
  readonly code = "INVALID_POLICY" as const;
  readonly issues: readonly PolicyIssue[];

  constructor(issues: readonly PolicyIssue[]) {
    super(
      `invalid mapping policy: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`,
    );
    this.name = "InvalidPolicyError";
    this.issues = issues;
  }
}
