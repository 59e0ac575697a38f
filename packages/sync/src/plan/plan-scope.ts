import type { PlanScope } from "./plan-input";
import type { PlanNotice, StepPerson } from "./plan-types";
import { normalizeEmail } from "./person-key";

/** Answers "is this person in scope" for uids and emails alike. */
export interface ScopeFilter {
  readonly full: boolean;
  has(person: Pick<StepPerson, "key" | "uid" | "email">): boolean;
  hasKey(key: string): boolean;
  notice(notice: PlanNotice): boolean;
}

/** A targeted scope names people by uid or email; matching is case-insensitive for emails. */
export function scopeFilter(
  scope: PlanScope,
  emailOf: (key: string) => string | undefined,
): ScopeFilter {
  if (scope.kind === "full")
    return { full: true, has: () => true, hasKey: () => true, notice: () => true };
  const wanted = new Set<string>();
  for (const person of scope.people) {
    wanted.add(person);
    wanted.add(normalizeEmail(person));
  }
  const hasKey = (key: string): boolean => {
    const email = emailOf(key);
    return wanted.has(key) || (email !== undefined && wanted.has(email));
  };
  const noticeUids = (notice: PlanNotice): readonly string[] => {
    switch (notice.kind) {
      case "role-refused":
        return notice.uids;
      case "last-admin-kept":
        return [notice.person];
      default:
        return [notice.uid];
    }
  };
  return {
    full: false,
    has: (person) =>
      wanted.has(person.key) ||
      (person.uid !== null && wanted.has(person.uid)) ||
      (person.email !== null && wanted.has(person.email)) ||
      hasKey(person.key),
    hasKey,
    notice: (notice) => noticeUids(notice).some(hasKey),
  };
}
