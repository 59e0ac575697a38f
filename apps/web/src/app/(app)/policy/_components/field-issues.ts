/** One validation issue of the policy, located by its field path (packages/permissions). */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** The issues about a field or anything inside it (`levels.editor` covers `levels.editor.roles[2]`). */
export function issuesAt(issues: readonly FieldIssue[], prefix: string): FieldIssue[] {
  return issues.filter(
    (issue) =>
      issue.path === prefix ||
      issue.path.startsWith(`${prefix}.`) ||
      issue.path.startsWith(`${prefix}[`),
  );
}
