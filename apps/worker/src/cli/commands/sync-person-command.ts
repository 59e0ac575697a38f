// `sync-person <orgUid> <email|uid>`: "sync one person now" (Entra's provision on demand). Queues
// the worker's targeted sync for that person and prints the run's step-by-step trace: what was
// read, which rule decided, what was written.
import { createMembersPort } from "../../adapters/members-port";
import { arg, flag, stringOption, type CliCommand } from "../cli-command";
import type { CliRuntime } from "../cli-runtime";
import { CliError } from "../cli-error";
import { checkOrgUid, timeoutMs } from "../org-uid";
import { queueSyncJob } from "../queue-sync-job";
import { countsLine, failedOutcome } from "../run-summary";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The person's email: given, or looked up by Contentstack user uid among the members. */
async function resolveEmail(runtime: CliRuntime, orgUid: string, person: string): Promise<string> {
  if (person.includes("@")) {
    if (!EMAIL.test(person)) throw new CliError(`"${person}" is not an email address`, "usage");
    return person.toLowerCase();
  }
  const clients = await runtime.orgClients(orgUid);
  const { members } = await createMembersPort(clients.contentstack, clients.instrument).list();
  const found = members.find((member) => member.userUid === person);
  if (!found) throw new CliError(`no member of ${orgUid} has the user uid ${person}`);
  return found.email.toLowerCase();
}

export const syncPersonCommand: CliCommand = {
  name: "sync-person",
  usage: "sync-person <orgUid> <email|userUid> [--no-wait] [--timeout <seconds>]",
  summary: "sync one person now and print the step-by-step trace",
  options: { "no-wait": { type: "boolean" }, timeout: { type: "string" } },
  positionals: { min: 2, max: 2 },
  async run(args, runtime, output) {
    const orgUid = checkOrgUid(arg(args, 0));
    const timeout = timeoutMs(stringOption(args, "timeout"));
    await runtime.installation(orgUid);
    const email = await resolveEmail(runtime, orgUid, arg(args, 1));
    const report = await queueSyncJob(runtime, output, {
      what: `${orgUid}: sync of ${email}`,
      wait: !flag(args, "no-wait"),
      timeoutMs: timeout,
      enqueue: (enqueuer) => enqueuer.syncPeople(orgUid, [email], { trigger: "cli" }),
    });
    if (!report) return;
    if (report.status === "skipped")
      throw new CliError(`the sync of ${email} was skipped: ${report.reason ?? "unknown"}`);
    // The run may have covered other people queued at the same moment; show this person's trace.
    const trace = (report.trace ?? []).filter((entry) => entry.person.toLowerCase() === email);
    output.out(`Sync of ${email} in ${orgUid}`);
    if (trace.length === 0) output.out("  (the run kept no trace for this person)");
    for (const [index, entry] of trace.entries())
      output.out(`  ${String(index + 1).padStart(2)}. [${entry.phase}] ${entry.text}`);
    output.out(
      `${report.outcome ?? report.status}: ${countsLine(report.counts)}${report.planId ? `, plan ${report.planId}` : ""}`,
    );
    if (failedOutcome(report)) throw new CliError(`the sync of ${email} ${report.outcome}`);
  },
};
