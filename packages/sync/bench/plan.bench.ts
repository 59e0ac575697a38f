// `npm run bench`: buildPlan() for 10,000 members x 3 projects and 100,000 members x 3 projects,
// converged and with 5% of people changed. Prints ms and heap; writes the figures to
// bench/results/plan.json. Nothing here asserts on time.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { DEFAULT_MAPPING_POLICY } from "@lytics-access/permissions";
import { buildPlan, type PlanInput, type PlanMember, type PlanProject } from "../src/index";

/** mulberry32, as the permissions bench: the same organization on every run. */
function random(seed: number): () => number {
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

function organization(memberCount: number, projectCount: number, changedShare: number): PlanInput {
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

interface Figure {
  readonly workload: string;
  readonly members: number;
  readonly projects: number;
  readonly changedShare: number;
  readonly steps: number;
  readonly bestMs: number;
  readonly heapUsedMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function measure(members: number, projects: number, changedShare: number, rounds: number): Figure {
  const input = organization(members, projects, changedShare);
  let steps = buildPlan(input).steps.length; // warm-up
  let best = Infinity;
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    steps = buildPlan(input).steps.length;
    best = Math.min(best, performance.now() - start);
  }
  const heap = process.memoryUsage().heapUsed;
  const figure = {
    workload: `buildPlan ${members.toLocaleString("en-US")} members x ${projects} projects, ${changedShare * 100}% changed`,
    members,
    projects,
    changedShare,
    steps,
    bestMs: Math.round(best * 10) / 10,
    heapUsedMb: mb(heap),
  };
  console.log(
    `${figure.workload.padEnd(58)} ${String(figure.bestMs).padStart(8)} ms  ${String(steps).padStart(6)} steps  heap ${figure.heapUsedMb} MB`,
  );
  return figure;
}

const figures = [
  measure(10_000, 3, 0, 5),
  measure(10_000, 3, 0.05, 5),
  measure(100_000, 3, 0, 3),
  measure(100_000, 3, 0.05, 3),
];
const out = path.join(import.meta.dirname, "results");
mkdirSync(out, { recursive: true });
writeFileSync(
  path.join(out, "plan.json"),
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, figures }, null, 2)}\n`,
);
console.log(`Written to ${path.relative(process.cwd(), path.join(out, "plan.json"))}`);
