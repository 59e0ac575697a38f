import type { RequestView } from "@/lib/server/requests/request-view";

/**
 * A request as the Requests pages get it: by default Mia's pending request for Audience Manager on
 * Acme Campaigns, undecided; `over` sets what a test is about.
 */
export const requestView = (over: Partial<RequestView> = {}): RequestView => ({
  id: "r1",
  version: 1,
  status: "pending",
  projectUid: "p1002",
  projectName: "Acme Campaigns",
  requester: { userUid: "blt_user_mia", email: "mia.member@acme.test", name: "Mia Member" },
  roles: ["segment_manager"],
  roleNames: ["Audience Manager"],
  reason: "Summer",
  createdAt: Date.UTC(2026, 11, 1),
  decidedBy: null,
  decidedAt: null,
  decisionReason: null,
  expiresAt: null,
  ...over,
});
