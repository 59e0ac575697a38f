// CMA limit per organization: N reads and N writes in a sliding one-second window, 429 beyond.
// The emulator's clock is frozen, so the burst lands inside one window however slow the machine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  ACME,
  authtokenFor,
  cma,
  control,
  GLOBEX,
  OWNER,
  startEmulator,
  type Emulator,
} from "./helpers";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    rateLimit: { readsPerSecond: 3, writesPerSecond: 1 },
    now: () => 1_767_225_600_000,
  });
});
afterAll(async () => emulator.close());

describe("rate limit", () => {
  it("answers 429 with the CMA body past the read limit, per organization, and counts writes apart", async () => {
    const owner = await authtokenFor(emulator, OWNER);
    const reads = await Promise.all(
      Array.from({ length: 5 }, () =>
        cma(emulator, `/v3/organizations/${ACME}`, { authtoken: owner }),
      ),
    );
    expect(reads.map((read) => read.status).sort()).toEqual([200, 200, 200, 429, 429]);
    const limited = reads.find((read) => read.status === 429);
    expect(limited?.body).toMatchObject({
      error_code: 141,
      error_message: expect.any(String),
      errors: {},
    });

    // Another organization has its own window.
    const gina = await authtokenFor(emulator, "blt_user_gina");
    expect((await cma(emulator, `/v3/organizations/${GLOBEX}`, { authtoken: gina })).status).toBe(
      200,
    );

    // Writes have their own window.
    const write = () =>
      cma(emulator, `/v3/organizations/${ACME}/share/search`, { method: "POST", authtoken: owner });
    const writes = await Promise.all([write(), write()]);
    expect(writes.map((response) => response.status).sort()).toEqual([200, 429]);

    // The window slides on the emulator's clock: a second later the organization may read again.
    expect((await cma(emulator, `/v3/organizations/${ACME}`, { authtoken: owner })).status).toBe(
      429,
    );
    await control(emulator, "POST", "/clock", { advanceMs: 1000 });
    expect((await cma(emulator, `/v3/organizations/${ACME}`, { authtoken: owner })).status).toBe(
      200,
    );
  });

  it("reports its limits in the plan features", async () => {
    await control(emulator, "POST", "/reset"); // reset empties the rate windows too
    const owner = await authtokenFor(emulator, OWNER);
    const { body } = await cma(emulator, `/v3/organizations/${ACME}?include_plan=true`, {
      authtoken: owner,
    });
    const limits = Object.fromEntries(
      body.organization.plan.features.map((feature: { uid: string; limit: number }) => [
        feature.uid,
        feature.limit,
      ]),
    );
    expect(limits).toMatchObject({ getLimit: 3, limit: 1 });
  });
});
