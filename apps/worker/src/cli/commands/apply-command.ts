// `apply <orgUid>`: "sync now". Enqueues a full reconcile for the worker (which holds the
// organization's run lock, records the run and applies or holds the plan) and waits for it.
import { arg, flag, stringOption, type CliCommand } from "../cli-command";
import { CliError } from "../cli-error";
import { checkOrgUid, timeoutMs } from "../org-uid";
import { queueSyncJob } from "../queue-sync-job";
import { failedOutcome, summarizeRun } from "../run-summary";

export const applyCommand: CliCommand = {
  name: "apply",
  usage: "apply <orgUid> [--no-wait] [--timeout <seconds>]",
  summary: "sync now: queue a full sync for the worker and wait for its report (default 120 s)",
  options: { "no-wait": { type: "boolean" }, timeout: { type: "string" } },
  positionals: { min: 1, max: 1 },
  async run(args, runtime, output) {
    const orgUid = checkOrgUid(arg(args, 0));
    const timeout = timeoutMs(stringOption(args, "timeout"));
    await runtime.installation(orgUid);
    const report = await queueSyncJob(runtime, output, {
      what: `${orgUid}: sync`,
      wait: !flag(args, "no-wait"),
      timeoutMs: timeout,
      enqueue: (enqueuer) =>
        enqueuer.syncNow(orgUid, { trigger: "cli", requestedBy: "lytics-access cli" }),
    });
    if (!report) return;
    for (const line of summarizeRun(orgUid, report)) output.out(line);
    if (failedOutcome(report)) throw new CliError(`the sync of ${orgUid} ${report.outcome}`);
    if (report.status === "skipped")
      throw new CliError(`the sync of ${orgUid} was skipped: ${report.reason ?? "unknown"}`);
  },
};
