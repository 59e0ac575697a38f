import "server-only";

import { AUDIT_ENTRY_KINDS, type AuditEntryKind, type AuditQuery } from "@lytics-access/store";
import { z } from "zod";

const DAY_MS = 24 * 60 * 60_000;
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** `2026-12-01` (the whole day, UTC) or an ISO date-time; `end` takes a date's last millisecond. */
const when = (end: boolean) =>
  z
    .string()
    .refine((text) => !Number.isNaN(Date.parse(text)), "must be a date (YYYY-MM-DD) or an ISO time")
    .transform((text) => Date.parse(text) + (end && dateOnly.test(text) ? DAY_MS - 1 : 0));

/** The audit log's filters and paging, as the query string carries them. */
export const auditQuerySchema = z
  .strictObject({
    /** An email (compared case-insensitively) or a Contentstack user uid. */
    person: z.string().trim().min(1).max(320).optional(),
    project: z.string().trim().min(1).max(128).optional(),
    /** One kind or several, comma-separated. */
    kind: z
      .string()
      .transform((text) => text.split(",").filter(Boolean))
      .pipe(z.array(z.enum(AUDIT_ENTRY_KINDS as [AuditEntryKind, ...AuditEntryKind[]])).min(1))
      .optional(),
    from: when(false).optional(),
    to: when(true).optional(),
    cursor: z
      .string()
      .regex(/^\d+-\d+$/, "must be the nextCursor of the previous page")
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: "from must not be after to",
    path: ["from"],
  });

export type AuditQueryInput = z.output<typeof auditQuerySchema>;

/** The store's query for these filters. */
export function toAuditQuery(input: AuditQueryInput): AuditQuery {
  return {
    ...(input.person
      ? { person: input.person.includes("@") ? { email: input.person } : { uid: input.person } }
      : {}),
    ...(input.project ? { projectUid: input.project } : {}),
    ...(input.kind ? { kinds: input.kind } : {}),
    ...(input.from !== undefined ? { from: input.from } : {}),
    ...(input.to !== undefined ? { to: input.to } : {}),
    ...(input.cursor ? { cursor: input.cursor } : {}),
    limit: input.limit,
  };
}
