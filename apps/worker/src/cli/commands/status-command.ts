// `status [orgUid]`: how each connected organization stands (installation, recent runs, held
// plans) and how deep the queues are. Read only; never prints a token (installations hold none).
import type { HeldPlan, Installation, SyncRun } from "@lytics-access/store";

import { QUEUE_NAMES } from "../../queues/constants";
import { arg, flag, type CliCommand } from "../cli-command";
import { CliError } from "../cli-error";
import { isoTime } from "../cli-output";
import { checkOrgUid } from "../org-uid";

const JOB_STATES = ["waiting", "active", "delayed", "prioritized", "failed"] as const;
const RUNS_SHOWN = 5;

interface OrgStatus {
  readonly installation: Installation;
  readonly runs: readonly SyncRun[];
  readonly heldPlans: readonly HeldPlan[];
}

function installationLines(org: OrgStatus): string[] {
  const i = org.installation;
  const by = i.connectedBy.name
    ? `${i.connectedBy.name} <${i.connectedBy.email}>`
    : i.connectedBy.email;
  const lines = [
    `${i.orgUid}  ${i.status}${i.statusReason ? ` (${i.statusReason})` : ""}${i.awaitingImport ? "; awaiting its first-connection import (nothing is synced until an Owner or Admin accepts it)" : ""}`,
    `  connected by ${by} at ${isoTime(i.connectedAt)}, region ${i.region}`,
    `  status since ${isoTime(i.statusSince)}; failures in a row ${i.failureCount}; next attempt ${i.nextAttemptAt ? isoTime(i.nextAttemptAt) : "any time"}`,
  ];
  lines.push(org.runs.length === 0 ? "  last runs: none yet" : "  last runs:");
  for (const run of org.runs) {
    const c = run.counts;
    lines.push(
      `    ${isoTime(run.finishedAt)}  ${run.outcome.padEnd(10)} ${run.trigger.padEnd(9)} +${c.invites} ~${c.roleChanges} -${c.removals}  ${c.calls} calls  ${run.durationMs} ms  ${run.runId}${run.error ? `  error: ${run.error}` : ""}`,
    );
  }
  const waiting = org.heldPlans.filter((plan) => !plan.approval);
  const approved = org.heldPlans.filter((plan) => plan.approval);
  lines.push(
    waiting.length === 0 ? "  held plans waiting: none" : "  held plans waiting for an Owner:",
  );
  for (const plan of waiting)
    lines.push(
      `    ${plan.planId}  ${plan.removals} removals (${(plan.share * 100).toFixed(1)}% > ${(plan.threshold * 100).toFixed(0)}%), held ${isoTime(plan.createdAt)}`,
    );
  for (const plan of approved) {
    const approver = plan.approval?.approver;
    const who = approver?.type === "person" ? (approver.email ?? approver.uid) : approver?.name;
    lines.push(
      `    ${plan.planId}  approved by ${who ?? "?"} at ${isoTime(plan.approval?.approvedAt)}`,
    );
  }
  return lines;
}

export const statusCommand: CliCommand = {
  name: "status",
  usage: "status [orgUid] [--json]",
  summary: "installations, last runs, held plans waiting, queue depth",
  options: { json: { type: "boolean" } },
  positionals: { min: 0, max: 1 },
  async run(args, runtime, output) {
    const only = args.positionals.length > 0 ? checkOrgUid(arg(args, 0)) : undefined;
    const stores = runtime.stores();
    const installations = only
      ? [await runtime.installation(only)]
      : await stores.installations.list();
    const orgs: OrgStatus[] = [];
    for (const installation of installations.sort((a, b) => a.orgUid.localeCompare(b.orgUid))) {
      orgs.push({
        installation,
        runs: await stores.syncRuns.list(installation.orgUid, { limit: RUNS_SHOWN }),
        heldPlans: await stores.heldPlans.list(installation.orgUid),
      });
    }
    const queues = runtime.enqueuer().queues;
    const depth: Record<string, Record<string, number>> = {};
    for (const name of [QUEUE_NAMES.sync, QUEUE_NAMES.audit])
      depth[name] = await queues[name].getJobCounts(...JOB_STATES);

    if (flag(args, "json")) {
      output.out(
        JSON.stringify(
          {
            organizations: orgs.map((org) => ({
              ...org.installation,
              runs: org.runs,
              heldPlans: org.heldPlans.map(({ plan: _plan, ...rest }) => rest),
            })),
            queues: depth,
          },
          null,
          2,
        ),
      );
      return;
    }
    if (orgs.length === 0 && !only) output.out("No organization is connected.");
    for (const org of orgs) output.out(installationLines(org).join("\n"));
    output.out("queues:");
    for (const [name, counts] of Object.entries(depth))
      output.out(
        `  ${name.padEnd(5)} ${JOB_STATES.map((state) => `${state} ${counts[state] ?? 0}`).join(", ")}`,
      );
    if (only && orgs.length === 0) throw new CliError(`organization ${only} is not connected`);
  },
};
