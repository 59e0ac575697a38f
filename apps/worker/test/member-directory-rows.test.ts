// The member directory's rows, pure: given the run's desired state they are the rows it would
// compute itself (so a reconcile does not pay for the desired state twice), and they come one at
// a time from a generator (so a 100,000-member write never holds them all).
import { DEFAULT_MAPPING_POLICY } from "@lytics-access/permissions";
import { buildPlanWithState, type PlanMember } from "@lytics-access/sync";
import { describe, expect, it } from "vitest";

import {
  buildDirectoryRows,
  directoryRows,
  type DirectoryInputs,
} from "../src/adapters/member-directory-snapshot";

const OWNER = "u_owner";
const inputs: DirectoryInputs = {
  members: [
    { userUid: OWNER, email: "owner@acme.test", role: "owner", status: "accepted" },
    { userUid: "u_admin", email: "admin@acme.test", role: "admin", status: "accepted" },
    { userUid: "u_mia", email: "mia@acme.test", role: "member", status: "accepted" },
    { userUid: "u_gus", email: "gus@acme.test", role: "guest", status: "accepted" },
    { userUid: null, email: "new@acme.test", role: "pending", status: "pending" },
  ],
  ownerUid: OWNER,
  projects: [
    { uid: "p1", name: "Main", ownerUid: "u_mia" },
    { uid: "p2", name: "Campaigns" },
  ],
  collaborators: new Map([
    [
      "p1",
      [
        { userUid: OWNER, email: "owner@acme.test", roles: ["admin"] },
        { userUid: "u_gus", email: "gus@acme.test", roles: ["observer"] },
      ],
    ],
    ["p2", [{ userUid: "u_admin", email: "admin@acme.test", roles: ["marketer"] }]],
  ]),
  state: {
    policy: DEFAULT_MAPPING_POLICY,
    grants: [{ projectId: "p1", uid: "u_gus", roles: ["observer"] }],
  },
  now: Date.UTC(2026, 11, 1),
};

describe("member directory rows", () => {
  it("are the same whether the run's desired state is given or computed here", () => {
    const { desired } = buildPlanWithState({
      orgUid: "acme",
      ownerUid: OWNER,
      members: inputs.members.map((m): PlanMember => ({
        uid: m.userUid,
        email: m.email,
        orgRole: m.role === "pending" ? "member" : m.role,
        status: m.status === "pending" ? "pending" : "active",
        isGuest: m.role === "guest",
        grantedLevel: null,
      })),
      projects: inputs.projects.map((project) => ({
        id: project.uid,
        name: project.name,
        ownerUid: project.ownerUid ?? null,
        collaborators: inputs.collaborators.get(project.uid) ?? [],
      })),
      grants: inputs.state.grants,
      policy: inputs.state.policy,
      now: inputs.now,
    });
    const computed = buildDirectoryRows(inputs);
    expect(computed).toHaveLength(5);
    expect(buildDirectoryRows({ ...inputs, desired })).toEqual(computed);
    // And the rows say something: Mia owns Main, so the sync wants her Admin there.
    const mia = computed.find((row) => row.key === "u_mia");
    expect(mia?.projects.find((p) => p.projectUid === "p1")?.desired).toEqual(["admin"]);
    expect(mia?.status).toBe("out-of-sync");
  });

  it("come one at a time", () => {
    const rows = directoryRows(inputs);
    const first = rows.next();
    expect(first.done).toBe(false);
    expect(first.value).toMatchObject({ key: OWNER, orgRole: "owner" });
    expect([...rows].map((row) => row.key)).toEqual(["u_admin", "u_mia", "u_gus", "new@acme.test"]);
  });
});
