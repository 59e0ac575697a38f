// `plan <orgUid>`: a dry run through the worker's own sync runner. Reads members, projects and
// collaborators, builds and checks the plan, writes nothing (no change, no audit, no held plan).
import { randomUUID } from "node:crypto";

import type { SyncResult } from "../../jobs/org-sync-runner";
import { arg, flag, type CliCommand } from "../cli-command";
import { CliError } from "../cli-error";
import { checkOrgUid } from "../org-uid";

export const hasChanges = (result: Pick<SyncResult, "counts">): boolean =>
  result.counts.invites + result.counts.roleChanges + result.counts.removals > 0;

export const planCommand: CliCommand = {
  name: "plan",
  usage: "plan <orgUid> [--json]",
  summary: "dry run: print what a sync would change (readable diff, or JSON), change nothing",
  options: { json: { type: "boolean" } },
  positionals: { min: 1, max: 1 },
  async run(args, runtime, output) {
    const orgUid = checkOrgUid(arg(args, 0));
    await runtime.installation(orgUid);
    const result = await runtime.syncRunner()(orgUid, {
      runId: `cli-plan-${randomUUID()}`,
      mode: "dry-run",
      scope: { kind: "full" },
      trigger: "cli",
    });
    if (result.outcome !== "dry-run")
      throw new CliError(
        `plan for ${orgUid} ${result.outcome}: ${result.error ?? "no plan was made"}`,
      );
    const changes = hasChanges(result);
    if (flag(args, "json")) {
      output.out(
        JSON.stringify(
          {
            orgUid,
            planId: result.planId,
            changes,
            counts: result.counts,
            calls: result.calls,
            diff: result.diff ?? null,
          },
          null,
          2,
        ),
      );
      return;
    }
    if (!changes) {
      output.out(
        `${orgUid}: no changes (plan ${result.planId ?? "-"}): Lytics already matches Contentstack.`,
      );
      return;
    }
    output.out(result.diff ?? "(the sync returned no diff)");
  },
};
