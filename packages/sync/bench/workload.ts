// The benchmark's organization: seeded, so every run plans the same people, projects and grants.
import { DEFAULT_MAPPING_POLICY } from "@lytics-access/permissions";
import type { PlanInput, PlanMember, PlanProject } from "../src/index";

/** mulberry32, as the permissions bench: the same organization on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EDITOR = [
  "content_manager",
  "experience_manager",
  "goal_manager",
  "report_viewer",
  "segment_manager",
];

export function organization(
  memberCount: number,
  projectCount: number,
  changedShare: number,
): PlanInput {
  const rand = random(memberCount);
  const members: PlanMember[] = [];
  const grants: { projectId: string; uid: string; roles: string[] }[] = [];
  type MutableProject = Omit<PlanProject, "collaborators"> & {
    collaborators: { userUid: string; email: string; roles: string[] }[];
  };
  const projects: MutableProject[] = Array.from({ length: projectCount }, (_, i) => ({
    id: `project-${i}`,
    name: `Project ${i}`,
    collaborators: [],
  }));
  for (let index = 0; index < memberCount; index += 1) {
    const uid = `user-${String(index).padStart(6, "0")}`;
    const email = `${uid}@example.com`;
    const roll = rand();
    const member: PlanMember =
      index === 0
        ? { uid, email, orgRole: "owner", status: "active" }
        : roll < 0.01
          ? { uid, email, orgRole: "admin", status: "active" }
          : roll < 0.3
            ? { uid, email, orgRole: "member", status: "active", grantedLevel: "audience-manager" }
            : roll < 0.35
              ? { uid, email, orgRole: "member", status: "active", isGuest: true }
              : { uid, email, orgRole: "member", status: "active" };
    members.push(member);
    const roles =
      member.orgRole === "owner"
        ? ["admin"]
        : member.orgRole === "admin"
          ? EDITOR
          : member.grantedLevel
            ? ["segment_manager"]
            : [];
    for (const project of projects) {
      let granted: string[] = [];
      if (roles.length === 0 && rand() < 0.2) {
        granted = ["observer"];
        grants.push({ projectId: project.id, uid, roles: granted });
      }
      const desired = [...new Set([...roles, ...granted])];
      if (desired.length === 0) continue;
      // changedShare of the entries differ from the desired state (drifted roles or missing).
      const change = rand();
      if (change < changedShare / 2) continue;
      const actual = change < changedShare ? ["marketer"] : desired;
      project.collaborators.push({ userUid: uid, email, roles: ["authed2", ...actual] });
    }
  }
  return {
    orgUid: "org-bench",
    ownerUid: "user-000000",
    members,
    projects,
    grants,
    policy: DEFAULT_MAPPING_POLICY,
    now: "2025-06-01T00:00:00.000Z",
  };
}
