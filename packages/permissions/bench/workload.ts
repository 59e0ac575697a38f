// Deterministic inputs for the benchmark: the same queries and organization on every run.
import {
  DEFAULT_MAPPING_POLICY,
  LYTICS_ROLE_SLUGS,
  NAV_ITEMS,
  ORG_STANDINGS,
  PROJECT_ACTIONS,
  TASK_PERMISSIONS,
  type DesiredStateInput,
  type DesiredStateMember,
  type LyticsRoleSlug,
  type NavQuery,
  type ProjectQuery,
  type TaskQuery,
} from "../src/index";

/** mulberry32: small, seeded, good enough to pick inputs. */
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

const pick = <T>(rand: () => number, values: readonly T[]): T =>
  values[Math.floor(rand() * values.length)] as T;
const someRoles = (rand: () => number): LyticsRoleSlug[] =>
  LYTICS_ROLE_SLUGS.filter(() => rand() < 0.18);

export type BenchQuery = TaskQuery | NavQuery | ProjectQuery;

/** A mix of task, navigation and project queries, a third each. */
export function decisionQueries(count: number, seed = 1): BenchQuery[] {
  const rand = random(seed);
  return Array.from({ length: count }, (_, index): BenchQuery => {
    switch (index % 3) {
      case 0:
        return { kind: "task", roles: someRoles(rand), permission: pick(rand, TASK_PERMISSIONS) };
      case 1:
        return { kind: "nav", roles: someRoles(rand), item: pick(rand, NAV_ITEMS) };
      default:
        return {
          kind: "project",
          orgRole: pick(rand, ORG_STANDINGS),
          isProjectOwner: rand() < 0.1,
          projectRoles: someRoles(rand),
          action: pick(rand, PROJECT_ACTIONS),
        };
    }
  });
}

/** An organization of `memberCount` people and `projectCount` projects. */
export function organization(
  memberCount: number,
  projectCount: number,
  seed = 2,
): DesiredStateInput {
  const rand = random(seed);
  const members: DesiredStateMember[] = Array.from({ length: memberCount }, (_, index) => {
    const uid = `user-${String(index).padStart(5, "0")}`;
    if (index === 0) return { uid, orgRole: "owner", email: `${uid}@example.com` };
    const roll = rand();
    if (roll < 0.005) return { uid, orgRole: "admin" };
    if (roll < 0.1) return { uid, orgRole: "guest" };
    if (roll < 0.12) return { uid, orgRole: "member", status: "pending" };
    return {
      uid,
      orgRole: "member",
      grantedLevel: rand() < 0.3 ? pick(rand, ["audience-manager", "data-manager"] as const) : null,
    };
  });
  const projects = Array.from({ length: projectCount }, (_, index) => ({
    id: `project-${String(index).padStart(2, "0")}`,
    ownerUid: pick(rand, members).uid,
    collaborators: Array.from({ length: 250 }, () => ({
      uid: rand() < 0.02 ? `gone-${Math.floor(rand() * 1000)}` : pick(rand, members).uid,
      roles: someRoles(rand),
    })),
  }));
  return { policy: DEFAULT_MAPPING_POLICY, members, projects };
}
