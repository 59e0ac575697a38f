import "server-only";

import { normaliseEmail } from "@lytics-access/store";

import { memberDirectory } from "../members/member-directory";
import type { Services } from "../services";

/**
 * Notes about invited emails that are not people of the organization (DESIGN §3.1: a person absent
 * from the organization's users gets nothing, and the sync removes them). Read from the member
 * directory the sync keeps; without one yet, nothing is claimed.
 */
export async function outsiderNotes(
  svc: Services,
  orgUid: string,
  emails: readonly string[],
): Promise<string[]> {
  const directory = memberDirectory(svc);
  const notes: string[] = [];
  try {
    for (const email of emails) {
      const wanted = normaliseEmail(email);
      const page = await directory.query(orgUid, { search: wanted, pageSize: 50 });
      if (!page) return []; // no snapshot yet: unknown, not absent
      if (!page.rows.some((row) => normaliseEmail(row.email) === wanted))
        notes.push(
          `${email} is not in the organization: Data & Insights access follows organization membership, so the sync removes them from the project until they join it. The grant is kept for then.`,
        );
    }
  } catch {
    return notes; // a note is a courtesy; the invitation stands either way
  }
  return notes;
}

/**
 * Whether each person is in the organization, by Contentstack uid or email, from the member
 * directory the sync keeps: null for everyone while there is no directory yet (unknown).
 */
export async function organizationMembership(
  svc: Services,
  orgUid: string,
  people: ReadonlyArray<{ readonly userUid: string; readonly email: string }>,
): Promise<ReadonlyMap<string, boolean> | null> {
  const directory = memberDirectory(svc);
  try {
    if (!(await directory.meta(orgUid))) return null;
    const found = new Map<string, boolean>();
    for (const person of people) {
      const row =
        (await directory.row(orgUid, person.userUid)) ??
        (await directory.row(orgUid, normaliseEmail(person.email)));
      found.set(person.userUid, row !== null);
    }
    return found;
  } catch {
    return null;
  }
}
