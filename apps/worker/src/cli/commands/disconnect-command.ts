// `disconnect <orgUid>`: stops syncing an organization. Its installation and tokens are removed
// from the store (grants, policy and history stay for a reconnect), the disconnection is audited,
// and its reconcile and audit-poll Job Schedulers are removed so no replica queues another run.
import { schedulerId, QUEUE_NAMES } from "../../queues/constants";
import { arg, type CliCommand } from "../cli-command";
import { checkOrgUid } from "../org-uid";

export const disconnectCommand: CliCommand = {
  name: "disconnect",
  usage: "disconnect <orgUid>",
  summary: "disconnect an organization: remove its installation and tokens and its schedulers",
  options: {},
  positionals: { min: 1, max: 1 },
  async run(args, runtime, output) {
    const orgUid = checkOrgUid(arg(args, 0));
    await runtime.installation(orgUid);
    const { installations, auditLog } = runtime.stores();
    await installations.disconnect(orgUid);
    await auditLog.append(orgUid, {
      kind: "installation-disconnected",
      actor: { type: "system", name: "lytics-access cli" },
    });
    const { queues } = runtime.enqueuer();
    const removed: string[] = [];
    for (const [queue, id] of [
      [queues[QUEUE_NAMES.sync], schedulerId.reconcile(orgUid)],
      [queues[QUEUE_NAMES.audit], schedulerId.pollAuditLog(orgUid)],
    ] as const) {
      if (await queue.removeJobScheduler(id)) removed.push(id);
    }
    output.out(
      `${orgUid}: disconnected; schedulers removed: ${removed.length === 0 ? "none were set" : removed.join(", ")}`,
    );
  },
};
