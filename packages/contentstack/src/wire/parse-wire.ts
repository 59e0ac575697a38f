import type { z } from "zod";
import { InvalidResponseError } from "@lytics-access/http";

/** Validates an API answer; a mismatch is an InvalidResponseError naming the first bad fields. */
export function parseWire<S extends z.ZodType>(
  schema: S,
  data: unknown,
  operation: string,
): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const where = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
    .join("; ");
  throw new InvalidResponseError(`${operation} answered an unexpected shape (${where})`, {
    reason: "schema",
    operation,
    cause: result.error,
  });
}
