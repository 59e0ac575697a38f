import { describe, expect, it } from "vitest";

import { createAccessRequestsStore } from "../src/access-requests/access-requests-store";
import { createAuditLogStore } from "../src/audit-log/audit-log-store";
import { AlreadyExistsError } from "../src/errors/already-exists-error";
import { InvalidInputError } from "../src/errors/invalid-input-error";
import { NotFoundError } from "../src/errors/not-found-error";
import { StaleWriteError } from "../src/errors/stale-write-error";
import { createKeys } from "../src/keys";
import type { Actor } from "../src/support/actor";
import { isolation, manualClock, useRedis } from "./support/test-redis";

const redis = useRedis();
const owner: Actor = { type: "person", uid: "blt_user_olivia", email: "olivia@acme.test" };
const mia = { userUid: "blt_user_mia", email: " Mia.Member@Acme.test ", name: "Mia Member" };

function setup() {
  const { keyPrefix, orgUid } = isolation();
  const clock = manualClock();
  return {
    orgUid,
    clock,
    keyPrefix,
    requests: createAccessRequestsStore({ redis, clock, keyPrefix }),
  };
}

const ask = (projectUid = "p1002", roles = ["segment_manager"]) => ({
  requester: mia,
  projectUid,
  projectName: "Acme Campaigns",
  roles,
  reason: "I run the summer campaign audiences",
});

describe("access requests", () => {
  it("records a pending request, normalised, and lists it newest first with filters", async () => {
    const { requests, orgUid, clock } = setup();
    const first = await requests.create(orgUid, ask("p1", ["segment_manager", "observer"]));
    expect(first).toMatchObject({
      requester: { userUid: "blt_user_mia", email: "mia.member@acme.test", name: "Mia Member" },
      status: "pending",
      roles: ["observer", "segment_manager"],
      version: 1,
      createdAt: clock.now(),
    });
    clock.advance(1000);
    const second = await requests.create(orgUid, ask("p2"));
    expect(await requests.get(orgUid, first.id)).toEqual(first);
    expect((await requests.list(orgUid)).map((r) => r.id)).toEqual([second.id, first.id]);
    expect((await requests.list(orgUid, { projectUids: ["p1"] })).map((r) => r.id)).toEqual([
      first.id,
    ]);
    expect(await requests.list(orgUid, { requesterUid: "someone-else" })).toEqual([]);
    expect(await requests.list(orgUid, { statuses: ["approved"] })).toEqual([]);
  });

  it("refuses a second pending request by the same person on the same project, until the first is decided", async () => {
    const { requests, orgUid } = setup();
    const first = await requests.create(orgUid, ask());
    // The same person by another spelling of the email is the same person.
    const again = requests.create(orgUid, {
      ...ask(),
      requester: { ...mia, email: "MIA.MEMBER@acme.test" },
    });
    await expect(again).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(again).rejects.toMatchObject({ existingId: first.id });
    await requests.decide(orgUid, first.id, 1, { status: "withdrawn", by: owner });
    const next = await requests.create(orgUid, ask());
    expect(next.id).not.toBe(first.id);
  });

  it("approves once with an expiry; a second decision on the old version is stale, never applied", async () => {
    const { requests, orgUid, clock } = setup();
    const request = await requests.create(orgUid, ask());
    clock.advance(5000);
    const expiresAt = clock.now() + 30 * 86_400_000;
    const approved = await requests.decide(orgUid, request.id, 1, {
      status: "approved",
      by: owner,
      expiresAt,
      reason: "for the summer",
    });
    expect(approved).toMatchObject({
      status: "approved",
      decidedBy: owner,
      decidedAt: clock.now(),
      expiresAt,
      decisionReason: "for the summer",
      version: 2,
    });
    const late = requests.decide(orgUid, request.id, 1, {
      status: "declined",
      by: owner,
      reason: "no",
    });
    await expect(late).rejects.toBeInstanceOf(StaleWriteError);
    await expect(late).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    // Even naming the current version, a decided request stays decided.
    await expect(
      requests.decide(orgUid, request.id, 2, { status: "declined", by: owner }),
    ).rejects.toBeInstanceOf(StaleWriteError);
    expect((await requests.get(orgUid, request.id))?.status).toBe("approved");
  });

  it("declines with a reason and keeps no expiry on a decline", async () => {
    const { requests, orgUid } = setup();
    const request = await requests.create(orgUid, ask());
    const declined = await requests.decide(orgUid, request.id, 1, {
      status: "declined",
      by: owner,
      reason: "Ask Max for Observer first",
      expiresAt: 123,
    });
    expect(declined.status).toBe("declined");
    expect(declined.decisionReason).toBe("Ask Max for Observer first");
    expect(declined.expiresAt).toBeUndefined();
  });

  it("refuses bad input and unknown requests", async () => {
    const { requests, orgUid } = setup();
    await expect(requests.create(orgUid, { ...ask(), reason: "  " })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(requests.create(orgUid, { ...ask(), roles: [] })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(
      requests.create(orgUid, { ...ask(), roles: ["Audience Manager"] }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      requests.decide(orgUid, "nope", 1, { status: "approved", by: owner }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("two approvers at once: exactly one wins", async () => {
    const { requests, orgUid } = setup();
    const request = await requests.create(orgUid, ask());
    const results = await Promise.allSettled([
      requests.decide(orgUid, request.id, 1, { status: "approved", by: owner }),
      requests.decide(orgUid, request.id, 1, {
        status: "declined",
        by: { type: "person", uid: "blt_user_adam" },
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected");
    expect(loser?.reason).toBeInstanceOf(StaleWriteError);
  });

  it("keeps its keys in the organization's slot", async () => {
    const { requests, orgUid, keyPrefix } = setup();
    await requests.create(orgUid, ask());
    const keys = createKeys(keyPrefix);
    expect(keys.accessRequests(orgUid)).toBe(`${keyPrefix}:{org:${orgUid}}:access-requests`);
    expect(await redis.hlen(keys.accessRequestsPending(orgUid))).toBe(1);
    // The pending index holds a digest of the email, never the address.
    expect(JSON.stringify(await redis.hgetall(keys.accessRequestsPending(orgUid)))).not.toContain(
      "mia.member",
    );
  });
});

describe("audit kinds of access requests and reviews", () => {
  it("accepts withdrawn and review sign-off entries and reads them back by kind", async () => {
    const { keyPrefix, orgUid } = isolation();
    const log = createAuditLogStore({ redis, keyPrefix });
    await log.append(orgUid, {
      kind: "access-request-withdrawn",
      actor: owner,
      requestId: "r1",
      projectUid: "p1002",
      person: { email: "mia.member@acme.test", uid: "blt_user_mia" },
    });
    await log.append(orgUid, {
      kind: "access-review-signed-off",
      actor: owner,
      assignments: 12,
      expiringGrants: 1,
      note: "Quarterly review",
    });
    const page = await log.read(orgUid, {
      kinds: ["access-review-signed-off", "access-request-withdrawn"],
    });
    expect(page.entries.map((e) => e.kind)).toEqual([
      "access-review-signed-off",
      "access-request-withdrawn",
    ]);
    await expect(
      log.append(orgUid, {
        kind: "access-review-signed-off",
        actor: owner,
        assignments: -1,
        expiringGrants: 0,
      }),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });
});
