// A lost credential is never silent: the organization is marked "needs reconnect" (the web app
// shows it), an audit entry says why, and the log says it once. Its jobs then return early until
// someone authorizes again.
import type { AuditLogStore, InstallationsStore } from "@lytics-access/store";
import type { Logger } from "pino";

export interface CredentialProblemReporter {
  (orgUid: string, problem: string, reason: string): Promise<void>;
}

export function createCredentialProblemReporter(
  installations: InstallationsStore,
  auditLog: AuditLogStore,
  logger: Logger,
): CredentialProblemReporter {
  return async (orgUid, problem, reason) => {
    const { changed } = await installations.markNeedsReconnect(orgUid, reason);
    if (!changed) return;
    await auditLog.append(orgUid, {
      kind: "credential-problem",
      actor: { type: "system", name: "worker" },
      problem,
      reason,
    });
    logger.error({ orgUid, problem, reason }, "organization needs reconnect: its sync is stopped");
  };
}
