// `apply <orgUid>`: "sync now". Enqueues a full reconcile for the worker (which holds the
// organization's run lock, records the run and applies or holds the plan) and waits for it.
import { QUEUE_NAMES } from "../../queues/constants";
import { arg, flag, stringOption, type CliCommand } from "../cli-command";
import { CliError } from "../cli-error";
import { checkOrgUid, timeoutMs } from "../org-uid";
import { failedOutcome, readJobResult, summarizeRun } from "../run-summary";
import { enqueueAndWait } from "../wait-for-job";

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
    const enqueuer = runtime.enqueuer();
    const enqueue = () =>
      enqueuer.syncNow(orgUid, { trigger: "cli", requestedBy: "lytics-access cli" });
    if (flag(args, "no-wait")) {
      output.out(`${orgUid}: sync queued as job ${await enqueue()}`);
      return;
    }
    const { result } = await enqueueAndWait(
      {
        redisUrl: runtime.config.redisUrl,
        queue: enqueuer.queues[QUEUE_NAMES.sync],
        prefix: runtime.queuePrefix,
        timeoutMs: timeout,
      },
      enqueue,
      (jobId) => output.err(`${orgUid}: sync queued as job ${jobId}; waiting for the worker…`),
    );
    const report = readJobResult(result);
    for (const line of summarizeRun(orgUid, report)) output.out(line);
    if (failedOutcome(report)) throw new CliError(`the sync of ${orgUid} ${report.outcome}`);
    if (report.status === "skipped")
      throw new CliError(`the sync of ${orgUid} was skipped: ${report.reason ?? "unknown"}`);
  },
};
