import type { z } from "zod";

/**
 * Thrown before any request is made, when options or arguments given to a client are invalid
 * (a malformed base URL, an empty role list, an email that is not one). Nothing reached the wire.
 */
export class InvalidInputError extends Error {
  readonly code = "LYTICS_INVALID_INPUT";
  /** Each problem as `path: message`. */
  readonly issues: readonly string[];

  constructor(what: string, issues: readonly string[]) {
    super(`Invalid ${what}: ${issues.join("; ")}`);
    this.name = "InvalidInputError";
    this.issues = issues;
  }

  /** Builds the error from a zod failure, naming every field that failed. */
  static fromZod(what: string, error: z.ZodError): InvalidInputError {
    const issues = error.issues.map((issue) => {
      const path = issue.path.map(String).join(".");
      return path ? `${path}: ${issue.message}` : issue.message;
    });
    return new InvalidInputError(what, issues);
  }
}

/** Parses `value` with `schema`, turning a failure into an {@link InvalidInputError}. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw InvalidInputError.fromZod(what, result.error);
  return result.data;
}
