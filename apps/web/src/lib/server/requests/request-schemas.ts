import { LYTICS_ROLE_SLUGS, type LyticsRoleSlug } from "@lytics-access/permissions";
import { z } from "zod";

const projectUid = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "a project uid");
const requestId = z.uuid("a request id");
const version = z.number().int().min(1);
const note = z.string().trim().max(1000);

/** POST /api/requests */
export const createRequestBody = z.strictObject({
  projectUid,
  roles: z
    .array(
      z.enum(LYTICS_ROLE_SLUGS as unknown as [LyticsRoleSlug, ...LyticsRoleSlug[]], {
        error: "a Lytics role of the catalogue",
      }),
    )
    .min(1, "pick at least one role")
    .max(11),
  reason: note.min(1, "say why you need it"),
});

/** A calendar date, `YYYY-MM-DD` (what `<input type="date">` sends). */
const isoDate = z.iso.date("a date (YYYY-MM-DD)");

/** POST /api/requests/decision */
export const decideRequestBody = z.discriminatedUnion("decision", [
  z.strictObject({
    decision: z.literal("approve"),
    requestId,
    version,
    /** The grant lapses at the end of this day (UTC); none: it lasts until removed. */
    expiresOn: isoDate.optional(),
    reason: note.optional(),
  }),
  z.strictObject({
    decision: z.literal("decline"),
    requestId,
    version,
    reason: note.min(1, "say why it is declined"),
  }),
]);

/** POST /api/requests/withdraw */
export const withdrawRequestBody = z.strictObject({ requestId, version });

/** The last millisecond of a UTC calendar day. */
export function endOfDayUtc(isoDay: string): number {
  return Date.parse(`${isoDay}T23:59:59.999Z`);
}

/** Zod issues as `field: message` lines for a 400. */
export function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
}
