import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LYTICS_ROLE_SLUGS } from "../src/catalogue/roles";
import { computeDesiredState } from "../src/desired-state/desired-state";
import type {
  DesiredStateInput,
  DesiredStateMember,
} from "../src/desired-state/desired-state-types";
import { InvalidDesiredStateInputError } from "../src/errors/invalid-desired-state-input-error";
import { DEFAULT_MAPPING_POLICY } from "../src/policy/default-policy";

const EDITOR = [
  "content_manager",
  "experience_manager",
  "goal_manager",
  "report_viewer",
  "segment_manager",
];

function setup(): DesiredStateInput {
  return {
    policy: DEFAULT_MAPPING_POLICY,
    members: [
      { uid: "owner", email: "o@example.com", orgRole: "owner" },
      { uid: "admin", orgRole: "admin" },
      { uid: "dm", orgRole: "member", grantedLevel: "data-manager" },
      { uid: "plain", orgRole: "member" },
      { uid: "guest", orgRole: "guest" },
      { uid: "pending", orgRole: "member", status: "pending", grantedLevel: "audience-manager" },
      { uid: "creator", orgRole: "member" },
    ],
    projects: [
      {
        id: "p2",
        ownerUid: "creator",
        collaborators: [
          { uid: "guest", roles: ["observer"] },
          { uid: "dm", roles: ["marketer"] },
          { uid: "pending", roles: ["observer"] },
          { uid: "gone", roles: ["admin"] },
        ],
      },
      { id: "p1", ownerUid: "gone", collaborators: [] },
    ],
  };
}

describe("desired Lytics state (DESIGN §3.4)", () => {
  it("gives each project exactly the users of §3.4, with their sources", () => {
    const state = computeDesiredState(setup());
    expect(state.policyVersion).toBe(1);
    expect(state.projects.map((project) => project.projectId)).toEqual(["p1", "p2"]);
    const p2 = state.projects[1];
    expect(p2?.users.map((user) => [user.uid, user.roles])).toEqual([
      ["admin", EDITOR],
      ["creator", ["admin"]],
      ["dm", ["data_manager", "marketer"]],
      ["guest", ["observer"]],
      ["owner", ["admin"]],
    ]);
    expect(
      p2?.users
        .find((user) => user.uid === "dm")
        ?.sources.map((source) => [source.kind, source.roles]),
    ).toEqual([
      ["member-level", ["data_manager"]],
      ["collaborator", ["marketer"]],
    ]);
    expect(p2?.users.find((user) => user.uid === "owner")).toMatchObject({
      email: "o@example.com",
      orgRole: "owner",
      sources: [{ kind: "org-owner", rule: "desired.org-owner", roles: ["admin"] }],
    });
    // p1's owner left the organization: only the org-wide people remain.
    expect(state.projects[0]?.users.map((user) => user.uid)).toEqual(["admin", "dm", "owner"]);
  });

  it("reports pending and absent people's grants as orphaned, never enforced", () => {
    const { notices } = computeDesiredState(setup());
    expect(
      notices.map((notice) => [
        notice.kind,
        "projectId" in notice ? notice.projectId : "",
        "uid" in notice ? notice.uid : "",
        "cause" in notice ? notice.cause : "",
      ]),
    ).toEqual([
      ["level-grant-not-enforced", "", "pending", "pending-invitation"],
      ["orphaned-grant", "p1", "gone", "not-in-organization"],
      ["orphaned-grant", "p2", "gone", "not-in-organization"],
      ["orphaned-grant", "p2", "pending", "pending-invitation"],
    ]);
  });

  it("does not enforce level grants on non-Members or levels the policy does not allow", () => {
    const input = setup();
    const members: DesiredStateMember[] = [
      { uid: "g", orgRole: "guest", grantedLevel: "data-manager" },
      { uid: "m", orgRole: "member", grantedLevel: "editor" },
    ];
    const state = computeDesiredState({
      ...input,
      members,
      projects: [{ id: "p", collaborators: [] }],
    });
    expect(state.projects[0]?.users).toEqual([]);
    expect(state.notices.map((notice) => "cause" in notice && notice.cause)).toEqual([
      "not-a-member",
      "not-grantable",
    ]);
  });

  it("refuses slugs the project's account does not offer, and says who lost them", () => {
    const input = setup();
    const projects = [
      {
        id: "p",
        ownerUid: "creator",
        rolesAvailable: ["admin", "segment_manager"],
        collaborators: [{ uid: "guest", roles: ["observer", "typo_role"] }],
      },
    ];
    const state = computeDesiredState({ ...input, projects });
    expect(state.projects[0]?.users.map((user) => [user.uid, user.roles])).toEqual([
      ["admin", ["segment_manager"]],
      ["creator", ["admin"]],
      ["owner", ["admin"]],
    ]);
    const refused = state.notices.filter((notice) => notice.kind === "role-refused");
    expect(refused.map((notice) => [notice.role, notice.uids])).toEqual([
      ["content_manager", ["admin"]],
      ["data_manager", ["dm"]],
      ["experience_manager", ["admin"]],
      ["goal_manager", ["admin"]],
      ["observer", ["guest"]],
      ["report_viewer", ["admin"]],
      ["typo_role", ["guest"]],
    ]);
  });

  it("refuses ambiguous input rather than guess", () => {
    const input = setup();
    expect(() =>
      computeDesiredState({
        ...input,
        members: [...input.members, { uid: "dm", orgRole: "admin" }],
      }),
    ).toThrow(InvalidDesiredStateInputError);
    expect(() =>
      computeDesiredState({
        ...input,
        projects: [...input.projects, { id: "p1", collaborators: [] }],
      }),
    ).toThrow(/projects: id "p1"/);
  });
});

// Arbitrary organizations: uids u0..u11 may be members; x0..x3 never are.
const uid = fc.constantFrom(
  ...Array.from({ length: 12 }, (_, i) => `u${i}`),
  "x0",
  "x1",
  "x2",
  "x3",
);
const member = fc.record({
  uid,
  orgRole: fc.constantFrom("owner", "admin", "member", "guest" as const),
  status: fc.constantFrom("active", "pending", undefined),
  grantedLevel: fc.constantFrom("audience-manager", "data-manager", "editor", null, undefined),
});
const grant = fc.record({ uid, roles: fc.subarray([...LYTICS_ROLE_SLUGS, "bogus_role"]) });
const project = fc.record({
  id: fc.constantFrom("p0", "p1", "p2", "p3", "p4"),
  ownerUid: fc.option(uid, { nil: null }),
  collaborators: fc.array(grant, { maxLength: 6 }),
  rolesAvailable: fc.option(fc.subarray([...LYTICS_ROLE_SLUGS]), { nil: undefined }),
});
const inputs = fc
  .record({
    members: fc.uniqueArray(member, { selector: (entry) => entry.uid, maxLength: 12 }),
    projects: fc.uniqueArray(project, { selector: (entry) => entry.id, maxLength: 5 }),
  })
  .map(({ members, projects }) => ({
    policy: DEFAULT_MAPPING_POLICY,
    members: members.filter((entry) => !entry.uid.startsWith("x")) as DesiredStateMember[],
    projects,
  }));

const shuffle = <T>(values: readonly T[]) =>
  fc.shuffledSubarray([...values], { minLength: values.length });

describe("desired-state properties", () => {
  it("is deterministic: the same facts in any order give the same state", () => {
    fc.assert(
      fc.property(
        inputs.chain((input) =>
          fc.tuple(
            fc.constant(input),
            shuffle(input.members),
            shuffle(input.projects).chain((projects) =>
              fc.tuple(
                ...projects.map((entry) =>
                  shuffle(entry.collaborators).map((collaborators) => ({
                    ...entry,
                    collaborators,
                  })),
                ),
              ),
            ),
          ),
        ),
        ([input, members, projects]) => {
          const again = computeDesiredState({ policy: input.policy, members, projects });
          expect(JSON.stringify(again)).toBe(JSON.stringify(computeDesiredState(input)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never grants anything to a non-member or a pending invitation", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const active = new Set(
          input.members.filter((entry) => entry.status !== "pending").map((entry) => entry.uid),
        );
        for (const state of computeDesiredState(input).projects)
          for (const user of state.users) expect(active.has(user.uid), user.uid).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("writes only offered slugs, sorted, each user's roles being the union of their sources", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const state = computeDesiredState(input);
        for (const projectState of state.projects) {
          const offered = new Set<string>(
            input.projects.find((entry) => entry.id === projectState.projectId)?.rolesAvailable ??
              LYTICS_ROLE_SLUGS,
          );
          const uids = projectState.users.map((user) => user.uid);
          expect(uids).toEqual([...uids].sort());
          for (const user of projectState.users) {
            expect(user.roles.length).toBeGreaterThan(0);
            expect(user.roles).toEqual(
              [...new Set(user.sources.flatMap((source) => source.roles))].sort(),
            );
            for (const role of user.roles) expect(offered.has(role)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("puts every active org Owner on every project as Admin when the account offers it", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const owners = input.members.filter(
          (entry) => entry.orgRole === "owner" && entry.status !== "pending",
        );
        for (const projectState of computeDesiredState(input).projects) {
          const offered = input.projects.find(
            (entry) => entry.id === projectState.projectId,
          )?.rolesAvailable;
          if (offered && !offered.includes("admin")) continue;
          for (const owner of owners)
            expect(projectState.users.find((user) => user.uid === owner.uid)?.roles).toContain(
              "admin",
            );
        }
      }),
    );
  });
});
