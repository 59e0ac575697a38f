// `approve <orgUid> <planId> --as <ownerEmail>`: an Owner's approval of a plan the removal-share
// guard held. The approver is checked against the organization's members as Contentstack lists
// them now (the worker's members adapter), the approval goes through the store (first approval
// wins, audited in the same script), then the approved apply is queued for the worker.
import { PlanAlreadyDecidedError, heldPlanStanding } from "@lytics-access/store";

import { createMembersPort } from "../../adapters/members-port";
import { arg, flag, stringOption, type CliCommand } from "../cli-command";
import { CliError } from "../cli-error";
import { checkOrgUid, timeoutMs } from "../org-uid";
import { queueSyncJob } from "../queue-sync-job";
import { failedOutcome, summarizeRun } from "../run-summary";

const article = (role: string) => (/^[aeiou]/.test(role) ? "an" : "a");

export const approveCommand: CliCommand = {
  name: "approve",
  usage: "approve <orgUid> <planId> --as <ownerEmail> [--wait] [--timeout <seconds>]",
  summary: "approve a held plan as an Owner of the organization, then queue its apply",
  options: { as: { type: "string" }, wait: { type: "boolean" }, timeout: { type: "string" } },
  positionals: { min: 2, max: 2 },
  async run(args, runtime, output) {
    const orgUid = checkOrgUid(arg(args, 0));
    const planId = arg(args, 1);
    const as = stringOption(args, "as")?.trim().toLowerCase();
    if (!as) throw new CliError("approve needs --as <ownerEmail>: the Owner who approves", "usage");
    const timeout = timeoutMs(stringOption(args, "timeout"));
    await runtime.installation(orgUid);
    const { heldPlans } = runtime.stores();
    const held = await heldPlans.get(orgUid, planId);
    if (!held) throw new CliError(`no plan ${planId} is held for ${orgUid}`);
    if (held.approval) {
      const by = held.approval.approver;
      const who = by.type === "person" ? (by.email ?? by.uid) : by.name;
      throw new CliError(
        `plan ${planId} was already approved by ${who} at ${new Date(held.approval.approvedAt).toISOString()}`,
      );
    }

    // An approval lifts the hold only of the plan the next run makes, when the ids match: a plan a
    // newer hold replaced no longer describes Lytics, and approving it would apply nothing.
    const standing = heldPlanStanding(held, await heldPlans.list(orgUid));
    if (standing.kind === "replaced") {
      const newest = standing.by;
      throw new CliError(
        `plan ${planId} was replaced by a newer plan, ${newest.planId} (held ${new Date(newest.createdAt).toISOString()}); approving it would apply nothing: review and approve ${newest.planId} instead`,
      );
    }

    const clients = await runtime.orgClients(orgUid);
    const { members } = await createMembersPort(clients.contentstack, clients.instrument).list();
    const approver = members.find((member) => member.email.toLowerCase() === as);
    if (!approver)
      throw new CliError(
        `refused: ${as} is not a member of ${orgUid}; only an Owner can approve a held plan`,
      );
    if (approver.role !== "owner" || approver.status !== "accepted" || !approver.userUid)
      throw new CliError(
        `refused: ${as} is ${article(approver.role)} ${approver.role} of ${orgUid}, not its Owner; only an Owner can approve a held plan`,
      );

    try {
      await heldPlans.approve(orgUid, planId, {
        type: "person",
        uid: approver.userUid,
        email: approver.email,
      });
    } catch (error) {
      if (error instanceof PlanAlreadyDecidedError)
        throw new CliError(`plan ${planId} was already approved`);
      throw error;
    }
    output.out(`${orgUid}: plan ${planId} approved by ${approver.email} (Owner)`);
    const report = await queueSyncJob(runtime, output, {
      what: `${orgUid}: apply of plan ${planId}`,
      wait: flag(args, "wait"),
      timeoutMs: timeout,
      enqueue: (enqueuer) => enqueuer.approveHeldPlan(orgUid, planId, approver.email),
    });
    if (!report) return;
    for (const line of summarizeRun(orgUid, report)) output.out(line);
    if (failedOutcome(report)) throw new CliError(`the apply of plan ${planId} ${report.outcome}`);
  },
};
