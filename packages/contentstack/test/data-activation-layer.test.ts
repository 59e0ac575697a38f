// The Data Activation Layer read (seed 000's gate) against the Contentstack emulator.
import { useFreshEmulator } from "@lytics-access/emulators/testing";
import { describe, expect, it } from "vitest";
import { clientFor, control, ORG, type Emulator, startEmulator } from "./support/emulator";

let emulator: Emulator;
useFreshEmulator(startEmulator, (started) => (emulator = started));

describe("getDataActivationLayer", () => {
  it("reads the organization's DAL, and null once it is gone", async () => {
    const client = await clientFor(emulator);
    expect(await client.getDataActivationLayer()).toEqual({
      uid: `dal_${ORG}`,
      title: "Acme DAL",
      domain: "acme.test",
      createdBy: "blt_user_olivia",
      createdAt: "2026-01-10T09:00:00.000Z",
    });
    await control(emulator, "DELETE", `/organizations/${ORG}/data-activation-layer`);
    expect(await client.getDataActivationLayer()).toBeNull();
  });
});
