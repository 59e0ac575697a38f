// Change detection: Contentstack sends no webhooks for organization membership, so every few
// seconds the worker reads the audit-log items newer than the organization's cursor and queues a
// targeted sync for the people they name. Unreadable items are logged and skipped (the next full
// reconcile covers them); the cursor moves only after the targeted sync is queued, so a crash in
// between re-reads the items rather than losing them.
import type { JOB_NAMES } from "../queues/constants";
import type { PayloadOf } from "../queues/payloads";
import { CredentialLostError } from "../credentials/credential-lost-error";
import { classifyError } from "./classify-error";
import type { JobHandler } from "./job-context";

export const pollAuditLogJob: JobHandler<PayloadOf<typeof JOB_NAMES.pollAuditLog>> = async (
  payload,
  context,
  deps,
) => {
  const { orgUid } = payload;
  const installation = await deps.stores.installations.get(orgUid);
  if (!installation) return { status: "skipped", reason: "not-connected" };
  if (installation.status === "needs-reconnect")
    return { status: "skipped", reason: "needs-reconnect" };
  if (installation.awaitingImport) {
    // No cursor yet either: the first poll after the acceptance starts from then.
    context.logger.info(
      { orgUid },
      "organization awaits its first-connection import; audit-log poll skipped",
    );
    return { status: "skipped", reason: "awaiting-import" };
  }

  const cursor = await deps.stores.auditCursor.get(orgUid);
  let read;
  try {
    read = await deps.readAuditChanges(
      orgUid,
      cursor ? { createdAt: cursor.lastCreatedAt, uid: cursor.lastUid } : null,
    );
  } catch (error) {
    if (error instanceof CredentialLostError) {
      await deps.credentialProblems(orgUid, error.problem, error.message);
      return { status: "skipped", reason: "needs-reconnect" };
    }
    const failure = classifyError(error);
    if (failure.kind === "unauthorized") {
      await deps.credentialProblems(
        orgUid,
        "unauthorized",
        `${failure.api} answered ${failure.status}`,
      );
      return { status: "skipped", reason: "needs-reconnect" };
    }
    // A poll is cheap and repeats in seconds: no retry, no backoff beyond the schedule. A shut
    // budget (429s) is expected while it lasts and already logged once by the limiter.
    const level = failure.kind === "rate-limited" ? "debug" : "warn";
    context.logger[level]({ err: error, orgUid, failure: failure.kind }, "audit-log poll failed");
    return { status: "failed", reason: failure.kind };
  }
  if (read.unreadable > 0) {
    deps.metrics.auditItemsSkipped.inc(read.unreadable);
    context.logger.warn(
      { orgUid, skipped: read.unreadable },
      "audit-log items could not be read; skipped",
    );
  }
  const { fresh, next } = await deps.stores.auditCursor.advance(orgUid, read.items);
  if (cursor === null) {
    // First poll: history before the connection is the full reconcile's business.
    // An empty log still gets a cursor (at the epoch), so the first item ever written is new.
    await deps.stores.auditCursor.set(
      orgUid,
      next ?? {
        lastUid: "(start)",
        lastCreatedAt: new Date(0).toISOString(),
        recentUids: [],
        updatedAt: Date.now(),
      },
    );
    return { status: "ran", initialised: true, people: 0 };
  }
  const changedAt = new Map<string, number>();
  for (const item of fresh) {
    const at = Date.parse(item.createdAt);
    for (const email of item.emails) {
      const key = email.toLowerCase();
      const seen = changedAt.get(key);
      if (seen === undefined || at < seen) changedAt.set(key, at);
    }
  }
  if (read.truncated) {
    // The backlog was larger than one poll reads: the older part was not read, so a full
    // reconcile covers everyone, and the cursor moves past the backlog.
    context.logger.warn(
      { orgUid, items: read.items.length },
      "audit-log backlog beyond one poll; full reconcile queued",
    );
    await deps.enqueuer.syncNow(orgUid, { trigger: "audit-log" });
  }
  if (changedAt.size > 0) {
    await deps.enqueuer.syncPeople(orgUid, [...changedAt.keys()], {
      trigger: "audit-log",
      changedAt,
    });
  }
  if (next) await deps.stores.auditCursor.set(orgUid, next);
  if (fresh.length > 0)
    context.logger.info(
      { orgUid, items: fresh.length, people: changedAt.size },
      "audit-log changes queued",
    );
  return {
    status: "ran",
    items: fresh.length,
    people: changedAt.size,
    truncated: read.truncated === true,
  };
};
