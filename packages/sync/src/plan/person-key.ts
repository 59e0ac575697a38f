import type { PlanMember } from "./plan-input";

/** Emails compare case-insensitively everywhere in the plan (Contentstack lower-cases them too). */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * A person's key in the plan and in the desired state: the Contentstack uid, or for a pending
 * invitation without an account the email, which is then the only thing that identifies them.
 */
export function memberKey(member: Pick<PlanMember, "uid" | "email">): string {
  return member.uid ?? normalizeEmail(member.email);
}
