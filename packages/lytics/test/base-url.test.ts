// Both Lytics clients take a base URL only under the core's rule: https, or plain http to a
// loopback host (the emulators). Plain http elsewhere would send tokens in clear text.
import { describe, expect, it } from "vitest";
import {
  InvalidInputError,
  createLyticsManagementClient,
  createLyticsUserClient,
  resolveManagementBaseUrl,
  resolveUserApiBaseUrl,
} from "../src/index";

describe("base URLs", () => {
  it.each(["http://api.lytics.io", "http://10.1.2.3:4020", "http://lytics.example.com/"])(
    "refuses plain http to %s",
    (baseUrl) => {
      expect(() => resolveUserApiBaseUrl(baseUrl)).toThrow(InvalidInputError);
      expect(() => resolveManagementBaseUrl({ baseUrl })).toThrow(/must use https/);
      expect(() => createLyticsUserClient({ baseUrl, apiToken: "t", aid: 1 })).toThrow(
        InvalidInputError,
      );
      expect(() =>
        createLyticsManagementClient({
          baseUrl,
          organizationUid: "blt_org",
          credentials: { authtoken: "blt" },
        }),
      ).toThrow(InvalidInputError);
    },
  );

  it.each(["http://localhost:4020", "http://127.0.0.1:4020", "http://[::1]:4020", "https://x.io"])(
    "accepts %s",
    (baseUrl) => {
      expect(resolveUserApiBaseUrl(`${baseUrl}/`)).toBe(baseUrl);
    },
  );
});
