import { z } from "zod";

import type { FieldProblem } from "./api-failure";

// Bounds here only stop abuse; the Management API's own limits (name and domain 200, description
// 255, seen live) come back as its field errors, shown beside the field as it words them.
export const projectFieldsSchema = z.strictObject({
  name: z.string().max(1000),
  domain: z.string().max(1000),
  description: z.string().max(5000).optional(),
});

export type ProjectFields = z.infer<typeof projectFieldsSchema>;

/**
 * The required fields, checked as the API checks them (`lytics.PROJECTS.NOT_EMPTY`): the client
 * refuses to send an empty name or domain at all, so the same answer is given here.
 */
export function emptyFieldProblems(
  fields: Pick<ProjectFields, "name" | "domain">,
): Record<string, FieldProblem[]> | null {
  const problems: Record<string, FieldProblem[]> = {};
  for (const field of ["name", "domain"] as const)
    if (fields[field].trim() === "")
      problems[field] = [{ code: "lytics.PROJECTS.NOT_EMPTY", message: "This field is required." }];
  return Object.keys(problems).length > 0 ? problems : null;
}
