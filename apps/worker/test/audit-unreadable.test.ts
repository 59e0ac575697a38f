// Issue 9 "Triggers": an audit-log item the reader cannot parse is logged and skipped, never fatal:
// the poll counts it (/metrics), moves on, and the next membership change still reaches Lytics.
import { describe, expect, it } from "vitest";

import { LOCAL_ACME } from "../src/local/seed-local-installation";
import { ACME, addFault, control } from "./support/acme";
import { eventually, lyticsUsers } from "./support/worker-env";
import { useWorkerWorld } from "./support/worker-world";

const MIA = "mia.member@acme.test";
const world = useWorkerWorld({ env: { MAX_REMOVAL_SHARE: "1" }, timeoutMs: 30_000 });

const skipped = async () =>
  (await world.worker.metrics.auditItemsSkipped.get()).values.reduce(
    (sum, value) => sum + value.value,
    0,
  );

describe("an audit-log item the reader cannot parse", () => {
  it("is counted and skipped, and the next change still propagates", async () => {
    await eventually(
      async () =>
        (await world.redis.exists(`${world.storePrefix}:{org:${ACME}}:audit-cursor`)) === 1 ||
        undefined,
      "the first poll's cursor",
    );
    expect(await skipped()).toBe(0);
    // The next poll reads an "accept_share" item whose bodies name nobody.
    await addFault(world.emulators.contentstack.url, {
      route: "/v3/organizations/:org_uid/logs",
      method: "GET",
      times: 1,
      fault: {
        kind: "status",
        status: 200,
        body: {
          logs: [
            {
              uid: "blt_log_unreadable",
              org_uid: ACME,
              created_at: new Date().toISOString(),
              created_by: LOCAL_ACME.owner.uid,
              module: "organization",
              event_type: "accept_share",
              request_id: "req-unreadable",
              metadata: {},
              remote_addr: "127.0.0.1",
              request: {},
              response: { notice: "ok" },
            },
          ],
        },
      },
    });
    await eventually(async () => (await skipped()) > 0 || undefined, "the item skipped", 600);

    // Still polling: a promotion made now reaches Lytics (a hang guard, not a speed target).
    await control(
      world.emulators.contentstack.url,
      `/organizations/${ACME}/members/${MIA}/roles`,
      "PUT",
      { org_roles: ["blt_role_acme_admin"] },
    );
    await eventually(
      async () => {
        const mia = (await lyticsUsers(world.emulators.lytics.url))
          .find((account) => account.aid === 1001)
          ?.users.find((user) => user.email === MIA);
        return mia?.roles.includes("segment_manager") ? mia : undefined;
      },
      "Mia's Editor roles in Lytics",
      600,
    );
    expect(await skipped()).toBe(1);
  }, 60_000);
});
