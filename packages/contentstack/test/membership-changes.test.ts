// The audit-log reader's pure half: documented log items (request and response bodies of the
// logged call) -> typed membership changes; items it cannot read are reported, never thrown.
import { describe, expect, it } from "vitest";
import { membershipChangesFrom, membershipChangesOf, peopleNamedBy } from "../src/index";
import { toAuditLogEntry } from "../src/resources/audit-log";
import type { WireAuditLogItem } from "../src/wire/wire-audit-log";

const AT = "2026-12-01T10:00:00.000Z";

function item(overrides: Partial<WireAuditLogItem>): ReturnType<typeof toAuditLogEntry> {
  return toAuditLogEntry({
    uid: "blt_log_1",
    org_uid: "blt_org",
    created_at: AT,
    created_by: "blt_user_owner",
    module: "user",
    event_type: "share",
    request_id: "req-1",
    metadata: {},
    remote_addr: "10.0.0.1",
    request: {},
    response: {},
    ...overrides,
  });
}

const share = (email: string, extra: Record<string, unknown> = {}) => ({
  uid: `share_${email}`,
  email,
  user_uid: null,
  org_uid: "blt_org",
  org_roles: ["role_member"],
  status: "pending",
  ...extra,
});

describe("membershipChangesOf", () => {
  it("reads an invitation of several people from the POST /share request and response", () => {
    const changes = membershipChangesOf(
      item({
        request: { share: { users: { "A@x.test": ["role_member"], "b@x.test": ["role_admin"] } } },
        response: {
          notice: "The invitation has been sent successfully.",
          shares: [share("a@x.test"), share("b@x.test", { org_roles: ["role_admin"] })],
        },
      }),
    );
    expect(changes).toEqual([
      {
        kind: "invited",
        email: "a@x.test",
        userUid: null,
        rolesAfter: ["role_member"],
        at: new Date(AT),
        logUid: "blt_log_1",
        actorUid: "blt_user_owner",
      },
      expect.objectContaining({ kind: "invited", email: "b@x.test", rolesAfter: ["role_admin"] }),
    ]);
  });

  it("reads a share whose response says the person is already in as joined", () => {
    const [change] = membershipChangesOf(
      item({
        request: { share: { users: { "c@x.test": ["role_member"] } } },
        response: { shares: [share("c@x.test", { status: "accepted", user_uid: "blt_user_c" })] },
      }),
    );
    expect(change).toMatchObject({ kind: "joined", email: "c@x.test", userUid: "blt_user_c" });
  });

  it("reads acceptance, role change (before from metadata), removal and ownership transfer", () => {
    expect(
      membershipChangesOf(
        item({
          event_type: "accept_share",
          created_by: "blt_user_c",
          response: { shares: [share("c@x.test", { status: "accepted", user_uid: "blt_user_c" })] },
        }),
      ),
    ).toEqual([
      expect.objectContaining({ kind: "joined", email: "c@x.test", userUid: "blt_user_c" }),
    ]);
    expect(
      membershipChangesOf(
        item({
          event_type: "role_change",
          request: { share: { users: { "c@x.test": ["role_admin"] } } },
          response: {
            shares: [share("c@x.test", { user_uid: "blt_user_c", org_roles: ["role_admin"] })],
          },
          metadata: { previous_org_roles: ["role_member"] },
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        kind: "roles-changed",
        email: "c@x.test",
        userUid: "blt_user_c",
        rolesBefore: ["role_member"],
        rolesAfter: ["role_admin"],
      }),
    ]);
    expect(
      membershipChangesOf(
        item({
          event_type: "unshare",
          request: { emails: ["c@x.test", "d@x.test"] },
          response: {
            notice: "The invitation has been deleted successfully.",
            shares: [share("c@x.test", { user_uid: "blt_user_c" }), share("d@x.test")],
          },
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        kind: "removed",
        email: "c@x.test",
        userUid: "blt_user_c",
        rolesBefore: ["role_member"],
      }),
      expect.objectContaining({ kind: "removed", email: "d@x.test", userUid: null }),
    ]);
    expect(
      membershipChangesOf(
        item({
          module: "organization",
          event_type: "transfer_ownership",
          request: { transfer_to: "New@x.test" },
          response: { notice: "done" },
          metadata: { owner_uid: "blt_user_new", previous_owner_uid: "blt_user_owner" },
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        kind: "ownership-transferred",
        email: "new@x.test",
        userUid: "blt_user_new",
        previousOwnerUid: "blt_user_owner",
      }),
    ]);
  });

  it("reports membership items it cannot read instead of throwing", () => {
    const cases: Array<Partial<WireAuditLogItem>> = [
      { event_type: "share", request: "garbage", response: null },
      { event_type: "share", request: { share: { users: {} } }, response: { shares: [] } },
      { event_type: "accept_share", response: { notice: "ok" } },
      { event_type: "unshare", request: { emails: [] }, response: {} },
      { event_type: "role_change", request: { share: { users: 3 } } },
      { event_type: "transfer_ownership", request: {} },
      { event_type: "share", created_at: "yesterday" },
    ];
    for (const overrides of cases) {
      const changes = membershipChangesOf(item(overrides));
      expect(changes).toEqual([
        {
          kind: "unreadable",
          logUid: "blt_log_1",
          eventType: overrides.event_type,
          reason: expect.any(String),
        },
      ]);
    }
  });

  it("falls back to the response when the request body was not logged", () => {
    expect(
      membershipChangesOf(
        item({
          event_type: "unshare",
          request: undefined,
          response: { shares: [share("e@x.test")] },
        }),
      ),
    ).toEqual([expect.objectContaining({ kind: "removed", email: "e@x.test" })]);
  });

  it("ignores items that are not membership changes", () => {
    expect(membershipChangesOf(item({ module: "stack", event_type: "create" }))).toEqual([]);
    expect(membershipChangesOf(item({ event_type: "login" }))).toEqual([]);
  });
});

describe("membershipChangesFrom and peopleNamedBy", () => {
  it("orders changes oldest first and names every person once", () => {
    const newestFirst = [
      item({
        uid: "blt_log_2",
        event_type: "unshare",
        request: { emails: ["a@x.test"] },
        response: { shares: [share("a@x.test", { user_uid: "blt_user_a" })] },
      }),
      item({ uid: "blt_log_bad", event_type: "accept_share", response: {} }),
      item({
        uid: "blt_log_1",
        request: { share: { users: { "a@x.test": ["r"], "b@x.test": ["r"] } } },
      }),
    ];
    const changes = membershipChangesFrom(newestFirst);
    expect(changes.map((change) => [change.kind, change.logUid])).toEqual([
      ["invited", "blt_log_1"],
      ["invited", "blt_log_1"],
      ["unreadable", "blt_log_bad"],
      ["removed", "blt_log_2"],
    ]);
    expect(peopleNamedBy(changes)).toEqual({
      emails: ["a@x.test", "b@x.test"],
      userUids: ["blt_user_a"],
    });
  });
});
