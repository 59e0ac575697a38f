// In-memory ports that record every call, with a switch to "crash" after a chosen call.
import { DEFAULT_MAPPING_POLICY } from "@lytics-access/permissions";
import type {
  AppliedChange,
  ClaimedStep,
  MemberRecord,
  Plan,
  PlanStep,
  SyncAuditEvent,
  SyncPorts,
} from "../src/index";

export class Crash extends Error {}

export interface FakeWorld {
  members: MemberRecord[];
  total?: number;
  listingFails?: boolean;
  projects: {
    uid: string;
    name: string;
    collaborators: { userUid: string; email: string; roles: string[] }[];
  }[];
  grants: { projectId: string; uid: string; roles: string[]; expiresAt?: string }[];
}

export function world(): FakeWorld {
  const base = () => [
    { userUid: "u-owner", email: "olga@acme.test", roles: ["authed2", "admin"] },
    { userUid: "u-bob", email: "bob@acme.test", roles: ["segment_manager"] },
    { userUid: "u-carl", email: "carl@acme.test", roles: ["observer"] },
    { userUid: "u-dan", email: "dan@acme.test", roles: ["observer"] },
    { userUid: "u-eli", email: "eli@acme.test", roles: ["observer"] },
  ];
  return {
    members: [
      { userUid: "u-owner", email: "olga@acme.test", role: "owner", status: "accepted" },
      { userUid: "u-bob", email: "bob@acme.test", role: "member", status: "accepted" },
      { userUid: "u-carl", email: "carl@acme.test", role: "member", status: "accepted" },
      { userUid: "u-dan", email: "dan@acme.test", role: "member", status: "accepted" },
      { userUid: "u-eli", email: "eli@acme.test", role: "member", status: "accepted" },
      { userUid: "u-fay", email: "fay@acme.test", role: "admin", status: "accepted" },
    ],
    projects: [
      { uid: "p-web", name: "Web", collaborators: base() },
      { uid: "p-mkt", name: "Marketing", collaborators: base() },
    ],
    grants: ["u-carl", "u-dan", "u-eli"].flatMap((uid) =>
      ["p-web", "p-mkt"].map((projectId) => ({ projectId, uid, roles: ["observer"] })),
    ),
  };
}

export function fakePorts(w: FakeWorld, options: { crashAfter?: string } = {}) {
  const calls: string[] = [];
  const audits = new Map<string, AppliedChange>();
  const events = new Map<string, SyncAuditEvent>();
  const held: Plan[] = [];
  const claimed = new Map<string, ClaimedStep>();
  const done = new Set<string>();
  let clock = Date.parse("2025-06-01T12:00:00.000Z");
  const note = (name: string) => {
    calls.push(name);
    if (options.crashAfter === name) {
      options.crashAfter = undefined;
      throw new Crash(`crash after ${name}`);
    }
  };
  const project = (uid: string) => {
    const found = w.projects.find((p) => p.uid === uid);
    if (!found) throw new Error(`no project ${uid}`);
    return found;
  };
  const ports: SyncPorts = {
    members: {
      async list() {
        calls.push("members.list");
        if (w.listingFails) throw new Error("503 from share listing");
        return { members: w.members, total: w.total ?? w.members.length, ownerUid: "u-owner" };
      },
    },
    lytics: {
      async listProjects() {
        calls.push("lytics.listProjects");
        return w.projects.map((p) => ({ uid: p.uid, name: p.name }));
      },
      async listCollaborators(uid) {
        calls.push(`lytics.listCollaborators:${uid}`);
        return project(uid).collaborators.map((c) => ({ ...c, roles: [...c.roles] }));
      },
      async invite(uid, email, roles) {
        project(uid).collaborators.push({ userUid: `invite_${email}`, email, roles: [...roles] });
        note(`lytics.invite:${uid}:${email}`);
      },
      async replaceRoles(uid, userUid, roles) {
        const c = project(uid).collaborators.find((x) => x.userUid === userUid);
        if (c) c.roles = [...roles];
        note(`lytics.replaceRoles:${uid}:${userUid}`);
      },
      async remove(uid, userUid) {
        const p = project(uid);
        p.collaborators = p.collaborators.filter((x) => x.userUid !== userUid);
        note(`lytics.remove:${uid}:${userUid}`);
      },
    },
    state: {
      async load() {
        return {
          policy: DEFAULT_MAPPING_POLICY,
          grants: w.grants,
          levelGrants: { "u-bob": "audience-manager" as const },
        };
      },
    },
    steps: {
      async claim(planId, step: PlanStep) {
        if (done.has(`${planId}:${step.stepId}`)) return "done";
        claimed.set(`${planId}:${step.stepId}`, { planId, step });
        note("steps.claim");
        return "claimed";
      },
      async markDone(planId, stepId) {
        done.add(`${planId}:${stepId}`);
        claimed.delete(`${planId}:${stepId}`);
        note("steps.markDone");
      },
      async unfinished() {
        return [...claimed.values()];
      },
      async release(planId, stepId) {
        claimed.delete(`${planId}:${stepId}`);
      },
    },
    audit: {
      async changeApplied(change) {
        // The store's idempotency: a key is written once.
        if (!audits.has(change.key)) audits.set(change.key, change);
        note("audit.changeApplied");
      },
      async record(event) {
        if (!events.has(event.key)) events.set(event.key, event);
      },
    },
    held: {
      async hold(plan) {
        held.push(plan);
      },
    },
    clock: {
      now: () => (clock += 7),
    },
  };
  return { ports, calls, audits, events, held, claimed, options };
}

export const writes = (calls: readonly string[]) =>
  calls.filter((c) => /^lytics\.(invite|replaceRoles|remove)/.test(c));
