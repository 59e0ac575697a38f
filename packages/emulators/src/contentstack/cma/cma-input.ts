// Parsing of CMA inputs (queries and bodies) with zod; failures become a 400 CMA error that names
// every bad field, in the documented `errors: {field: [messages]}` form.
import { z } from "zod";

import { CmaError } from "./cma-error";

export function parseCma<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || what;
    (errors[key] ??= []).push(issue.message);
  }
  throw new CmaError("CMA_INVALID_REQUEST", `The ${what} is not valid.`, errors);
}

const booleanFlag = z
  .enum(["true", "false"], { message: "must be true or false" })
  .optional()
  .transform((value) => value === "true");

/** Largest page any listing returns; a bigger `limit` is cut down to it. */
export const MAX_LIMIT = 100;

export function listQuerySchema(defaultLimit: number) {
  return z.object({
    skip: z.coerce
      .number({ message: "must be a number" })
      .int("must be an integer")
      .min(0, "must be 0 or more")
      .default(0),
    limit: z.coerce
      .number({ message: "must be a number" })
      .int("must be an integer")
      .min(1, "must be at least 1")
      .default(defaultLimit)
      .transform((value) => Math.min(value, MAX_LIMIT)),
    include_count: booleanFlag,
    include_roles: booleanFlag,
    include_plan: booleanFlag,
    typeahead: z.string().optional(),
    asc: z.string().optional(),
    desc: z.string().optional(),
  });
}

export type ListQuery = z.infer<ReturnType<typeof listQuerySchema>>;

export function page<T>(items: readonly T[], query: Pick<ListQuery, "skip" | "limit">): T[] {
  return items.slice(query.skip, query.skip + query.limit);
}

/** `asc=<field>` / `desc=<field>` over the fields a listing allows; default order is the given one. */
export function sortBy<T>(
  items: readonly T[],
  query: Pick<ListQuery, "asc" | "desc">,
  fields: Record<string, (item: T) => string>,
): T[] {
  const field = query.desc ?? query.asc;
  if (field === undefined) return [...items];
  const key = fields[field];
  if (!key) {
    throw new CmaError("CMA_INVALID_REQUEST", "The sort field is not valid.", {
      [query.desc !== undefined ? "desc" : "asc"]: [
        `must be one of ${Object.keys(fields).join(", ")}`,
      ],
    });
  }
  const direction = query.desc !== undefined ? -1 : 1;
  return [...items].sort((a, b) => key(a).localeCompare(key(b)) * direction);
}
