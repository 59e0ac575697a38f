// A small organization whose Lytics users match its desired state exactly, to change one thing at a time.
import { DEFAULT_MAPPING_POLICY } from "@lytics-access/permissions";
import type { PlanInput, PlanMember, PlanProject } from "../src/index";

export const NOW = "2025-06-01T12:00:00.000Z";
export const EDITOR = [
  "content_manager",
  "experience_manager",
  "goal_manager",
  "report_viewer",
  "segment_manager",
];

export const MEMBERS: PlanMember[] = [
  { uid: "u-owner", email: "olga@acme.test", orgRole: "owner", status: "active" },
  { uid: "u-admin", email: "ana@acme.test", orgRole: "admin", status: "active" },
  {
    uid: "u-bob",
    email: "bob@acme.test",
    orgRole: "member",
    status: "active",
    grantedLevel: "audience-manager",
  },
  { uid: "u-carl", email: "carl@acme.test", orgRole: "member", status: "active" },
  { uid: "u-gus", email: "gus@acme.test", orgRole: "member", status: "active", isGuest: true },
  { uid: null, email: "pia@acme.test", orgRole: "member", status: "pending" },
];

/** Actual collaborators equal to the desired state (with the baseline role Lytics lists). */
export function convergedProjects(): PlanProject[] {
  const base = [
    { userUid: "u-owner", email: "olga@acme.test", roles: ["authed2", "admin"] },
    { userUid: "u-admin", email: "ana@acme.test", roles: [...EDITOR].reverse() },
    { userUid: "u-bob", email: "bob@acme.test", roles: ["segment_manager"] },
  ];
  return [
    {
      id: "p-web",
      name: "Web",
      collaborators: [...base, { userUid: "u-carl", email: "carl@acme.test", roles: ["observer"] }],
    },
    {
      id: "p-mkt",
      name: "Marketing",
      collaborators: [...base, { userUid: "u-gus", email: "gus@acme.test", roles: ["marketer"] }],
    },
  ];
}

export function org(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    orgUid: "org-acme",
    ownerUid: "u-owner",
    members: MEMBERS,
    projects: convergedProjects(),
    grants: [
      { projectId: "p-web", uid: "u-carl", roles: ["observer"] },
      {
        projectId: "p-mkt",
        uid: "u-gus",
        roles: ["marketer"],
        expiresAt: "2025-07-01T00:00:00.000Z",
      },
    ],
    policy: DEFAULT_MAPPING_POLICY,
    now: NOW,
    ...overrides,
  };
}

/** Replaces one project's collaborators list through a function. */
export function withCollaborators(
  projects: PlanProject[],
  projectId: string,
  change: (list: PlanProject["collaborators"]) => PlanProject["collaborators"],
): PlanProject[] {
  return projects.map((p) =>
    p.id === projectId ? { ...p, collaborators: change(p.collaborators) } : p,
  );
}
