import type { z } from "zod";

import { CorruptRecordError } from "../errors/corrupt-record-error";
import { InvalidInputError } from "../errors/invalid-input-error";

function problemsOf(error: z.ZodError): string[] {
  // Paths and messages only: a value may be a secret or a person's email.
  return error.issues.map((issue) => `${issue.path.join(".") || "(record)"}: ${issue.message}`);
}

/**
 * Parses a JSON string read back from Redis and checks it against its schema.
 *
 * @throws {@link CorruptRecordError} naming the location when the text is not JSON or the shape is wrong.
 */
export function parseStored<S extends z.ZodType>(
  schema: S,
  raw: string,
  location: string,
): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new CorruptRecordError(location, ["not valid JSON"]);
  }
  return checkStored(schema, json, location);
}

/** Checks an already-decoded value read back from Redis (a hash's fields). */
export function checkStored<S extends z.ZodType>(
  schema: S,
  value: unknown,
  location: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new CorruptRecordError(location, problemsOf(result.error));
  return result.data;
}

/**
 * Checks a caller's input before it is written.
 *
 * @throws {@link InvalidInputError} naming the fields.
 */
export function checkInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidInputError(what, problemsOf(result.error));
  return result.data;
}
