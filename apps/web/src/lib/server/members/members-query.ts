import { ACCESS_LEVEL_IDS } from "@lytics-access/permissions";
import {
  DIRECTORY_MAX_PAGE_SIZE,
  DIRECTORY_ORG_ROLES,
  DIRECTORY_SYNC_STATUSES,
} from "@lytics-access/store";
import { z } from "zod";

/** Default rows per page; the store caps any request at {@link DIRECTORY_MAX_PAGE_SIZE}. */
export const MEMBERS_PAGE_SIZE = 25;

/**
 * The Members page's query string (`?q=&role=&level=&project=&status=&page=&size=`): the same
 * names in the page URL and in `GET /api/members`, so a filtered page is a shareable link and the
 * back button returns to it.
 */
export const membersQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  role: z.enum(DIRECTORY_ORG_ROLES).optional(),
  level: z.enum([...ACCESS_LEVEL_IDS, "none"]).optional(),
  project: z.string().max(128).optional(),
  status: z.enum(DIRECTORY_SYNC_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  size: z.coerce.number().int().min(1).max(DIRECTORY_MAX_PAGE_SIZE).default(MEMBERS_PAGE_SIZE),
});
export type MembersQuery = z.output<typeof membersQuery>;

/** A query string as an object: empty values dropped, a repeated name keeps its first value. */
export function queryObject(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  for (const [key, value] of entries)
    if (value !== undefined && value !== "" && !(key in out)) out[key] = value;
  return out;
}
