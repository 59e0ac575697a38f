import { z } from "zod";

/** A hash field holding JSON text, decoded and then checked against `schema`. */
export function jsonField<S extends z.ZodType>(schema: S) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** A hash field holding an integer (Redis hands every field back as a string). */
export const intField = z
  .string()
  .regex(/^-?\d+$/, "not an integer")
  .transform((text) => Number(text));
