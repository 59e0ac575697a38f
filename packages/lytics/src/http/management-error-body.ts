import { readContentstackErrorBody, toFieldErrors, type ErrorBodyInfo } from "@lytics-access/http";
import { z } from "zod";

/**
 * The Management API's one error envelope, as seen live (api-notes Part C1):
 * `{message, status, error}`, and for validation `{message: "Bad request", status: 400,
 * errors: {"<field>": [{code, maxCharacters?}]}}`. A missing or rejected credential is answered
 * by Contentstack's gateway with the Contentstack body `{error_message, error_code, errors}`.
 * `error_code` is kept for gateways that add one to the envelope.
 */
const managementErrorBodySchema = z
  .object({
    message: z.union([z.string(), z.array(z.string())]).optional(),
    status: z.number().optional(),
    error: z.string().optional(),
    errors: z.record(z.string(), z.unknown()).optional(),
    error_code: z.union([z.string(), z.number()]).optional(),
  })
  .loose();

export function readManagementErrorBody(body: unknown): ErrorBodyInfo {
  if (typeof body === "object" && body !== null && "error_message" in body)
    return readContentstackErrorBody(body);
  const parsed = managementErrorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  const { message, error, errors, error_code: code } = parsed.data;
  const fieldErrors = errors === undefined ? undefined : toFieldErrors(errors);
  // A validation answer's code is its first field's, so a caller can branch without walking fields.
  const firstFieldCode = fieldErrors ? Object.values(fieldErrors)[0]?.[0]?.code : undefined;
  return {
    message: Array.isArray(message) ? message.join("; ") : (message ?? error),
    apiCode: code ?? firstFieldCode,
    fieldErrors,
  };
}
