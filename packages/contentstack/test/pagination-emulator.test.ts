// Complete pagination over HTTP: 268 members (the fixture's 8 plus 260), pages of 100 and of 25,
// and damaged pages from the emulator's `truncate` and `empty` faults.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InvalidResponseError } from "../src/index";
import {
  addFault,
  calls,
  clientFor,
  control,
  fixtureWithManyMembers,
  startEmulator,
  type Emulator,
} from "./support/emulator";

const SHARE = "/v3/organizations/:org_uid/share";
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await control(emulator, "POST", "/fixture", fixtureWithManyMembers(260));
  await control(emulator, "DELETE", "/faults");
  await control(emulator, "DELETE", "/calls");
});

describe("member listing across many pages", () => {
  it("reads all 268 members in pages of 100, stopping on count", async () => {
    const members = await (await clientFor(emulator)).listMembers();
    expect(members).toHaveLength(268);
    expect(new Set(members.map((member) => member.shareUid)).size).toBe(268);
    expect(members.filter((member) => member.role === "owner")).toHaveLength(1);
    expect((await calls(emulator)).counts[`GET ${SHARE}`]).toBe(3);
  });

  it("reads the same members in pages of 25", async () => {
    const members = await (await clientFor(emulator, { pageSize: 25 })).listMembers();
    expect(members).toHaveLength(268);
    expect((await calls(emulator)).counts[`GET ${SHARE}`]).toBe(11);
  });

  it("searches across pages too", async () => {
    const emails = Array.from({ length: 60 }, (_, index) => `bulk${index}@acme.test`);
    const found = await (await clientFor(emulator, { pageSize: 25 })).searchMembersByEmail(emails);
    expect(found.map((member) => member.email).sort()).toEqual([...emails].sort());
  });
});

describe("damaged pages are never taken as the end", () => {
  it("a page emptied mid-listing (count 0, no shares) makes the whole listing fail", async () => {
    await addFault(emulator, { route: SHARE, method: "GET", after: 1, fault: { kind: "empty" } });
    const error = await (
      await clientFor(emulator)
    )
      .listMembers()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).reason).toBe("inconsistent");
  });

  it("one emptied page is healed by reading the listing again", async () => {
    await addFault(emulator, {
      route: SHARE,
      method: "GET",
      after: 1,
      times: 1,
      fault: { kind: "empty" },
    });
    expect(await (await clientFor(emulator)).listMembers()).toHaveLength(268);
    // Page 2 was empty, so the listing restarted: 2 + 3 share reads.
    expect((await calls(emulator)).counts[`GET ${SHARE}`]).toBe(5);
  });

  it("an empty listing for an organization with an owner is an error, not 'everyone left'", async () => {
    await addFault(emulator, { route: SHARE, method: "GET", fault: { kind: "empty" } });
    await expect((await clientFor(emulator)).listMembers()).rejects.toThrow(
      /empty member listing for organization blt_org_acme, which has an owner/,
    );
  });

  it("a truncated body is an InvalidResponseError once retries are spent", async () => {
    await addFault(emulator, {
      route: SHARE,
      method: "GET",
      after: 1,
      fault: { kind: "truncate" },
    });
    const error = await (
      await clientFor(emulator)
    )
      .listMembers()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ reason: "unparseable", status: 200, code: "INVALID_RESPONSE" });
    // First page, then the second page tried 1 + 3 retries.
    expect((await calls(emulator)).counts[`GET ${SHARE}`]).toBe(5);
  });

  it("a body truncated once is read again (a GET is safe to repeat)", async () => {
    await addFault(emulator, {
      route: SHARE,
      method: "GET",
      after: 2,
      times: 1,
      fault: { kind: "truncate" },
    });
    expect(await (await clientFor(emulator)).listMembers()).toHaveLength(268);
  });

  it("a truncated role listing fails the member listing rather than resolving roles wrongly", async () => {
    await addFault(emulator, {
      route: "/v3/organizations/:org_uid/roles",
      method: "GET",
      fault: { kind: "truncate" },
    });
    await expect((await clientFor(emulator)).listMembers()).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });
});
