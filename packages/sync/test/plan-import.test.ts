import { describe, expect, it } from "vitest";

import { planImport, UntrustedListingError } from "../src/index";
import { fakePorts, world } from "./fake-ports";

describe("planImport: the first-connection import read through the ports", () => {
  it("reads members, state and every project's collaborators, and writes nothing", async () => {
    const w = world();
    w.grants = [];
    const fake = fakePorts(w);
    const plan = await planImport(fake.ports, "org-acme");
    // carl, dan and eli hold observer on both projects that their Member role does not explain;
    // bob's segment_manager comes from his Audience Manager level, so it is not adopted.
    expect(plan.grants.map((g) => `${g.projectId}:${g.uid}:${g.roles.join("+")}`).sort()).toEqual(
      ["p-mkt", "p-web"]
        .flatMap((p) =>
          ["u-carl:observer", "u-dan:observer", "u-eli:observer"].map((x) => `${p}:${x}`),
        )
        .sort(),
    );
    expect(fake.calls.every((c) => !/invite|replace|remove|claim|audit|hold/.test(c))).toBe(true);
  });

  it("refuses a truncated listing instead of misjudging who is a member", async () => {
    const w = world();
    w.total = w.members.length + 3;
    await expect(planImport(fakePorts(w).ports, "org-acme")).rejects.toBeInstanceOf(
      UntrustedListingError,
    );
  });
});
