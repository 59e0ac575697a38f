// Signed app tokens: verified with jose against the PKCS#1 key the emulator serves, as an app
// verifies the `app-token` query parameter of a signed UI location.
import { createPublicKey } from "node:crypto";

import { decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ACME, APP, control, GLOBEX, MEMBER, OWNER, startEmulator, type Emulator } from "./helpers";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => emulator.close());

async function servedKey() {
  const response = await fetch(`${emulator.url}/.well-known/public-keys.json`);
  const body = (await response.json()) as Record<string, string>;
  expect(Object.keys(body)).toEqual(["signing-key"]);
  expect(body["signing-key"]).toMatch(/^-----BEGIN RSA PUBLIC KEY-----\n/);
  return createPublicKey({ key: body["signing-key"] ?? "", format: "pem", type: "pkcs1" });
}

async function mint(organization_uid: string, user_uid: string): Promise<Response> {
  return control(emulator, "POST", "/app-tokens", { organization_uid, user_uid });
}

describe("app tokens", () => {
  it("verifies with the served key and carries the documented claims", async () => {
    const response = await mint(ACME, MEMBER);
    expect(response.status).toBe(201);
    const { app_token } = (await response.json()) as { app_token: string };
    const { payload, protectedHeader } = await jwtVerify(app_token, await servedKey(), {
      issuer: emulator.url,
      audience: APP.app_uid,
      algorithms: ["RS256"],
    });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload).toMatchObject({
      organization_uid: ACME,
      installation_uid: "inst_acme",
      app_uid: APP.app_uid,
      user_uid: MEMBER,
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(300);
  });

  it("fails verification when tampered with", async () => {
    const { app_token } = (await (await mint(ACME, OWNER)).json()) as { app_token: string };
    const [header, , signature] = app_token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ ...decodeJwt(app_token), user_uid: "blt_user_mallory" }),
    ).toString("base64url");
    await expect(
      jwtVerify(`${header}.${forged}.${signature}`, await servedKey()),
    ).rejects.toThrow();
  });

  it("follows appTokenTtlSeconds and refuses non-members", async () => {
    await control(emulator, "PUT", "/ttls", { appTokenTtlSeconds: 60 });
    const { app_token } = (await (await mint(ACME, OWNER)).json()) as { app_token: string };
    const claims = decodeJwt(app_token);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(60);
    expect((await mint(GLOBEX, MEMBER)).status).toBe(403);
    expect((await mint("blt_org_nope", MEMBER)).status).toBe(404);
  });
});
