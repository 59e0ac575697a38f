// The production OrgSyncRunner: opens the organization's clients, wires packages/sync's ports to
// them and to packages/store, runs `reconcile`, and turns its report into what the worker records.
// The engine reports a failed write or listing as text; the upstream error that caused it is
// rethrown here so the job can tell a 429 (re-delay) from a lost credential (needs reconnect).
import {
  planToDiffJson,
  reconcile,
  type CollaboratorRecord,
  type RunReport,
  type StatePort,
  type SyncPorts,
} from "@lytics-access/sync";
import type { MappingPolicy } from "@lytics-access/permissions";

import { CredentialLostError } from "../credentials/credential-lost-error";
import { classifyError } from "../jobs/classify-error";
import type { OrgSyncRunner, SyncResult } from "../jobs/org-sync-runner";
import { createLyticsPort } from "./lytics-port";
import { captureForDirectory } from "./member-directory-writer";
import { createMembersPort } from "./members-port";
import { recordConverged } from "./record-converged";
import { openOrgClients, type OrgClientsDeps } from "./org-clients";
import type { OrgRoleCache } from "./org-role-cache";
import { createStoreAuditPort, createStoreHeldPort } from "./store-audit-ports";
import { createStoreStatePort, type StateStores } from "./store-state-port";
import { createStoreStepsPort } from "./store-steps-port";
import type {
  AppliedStepsStore,
  AuditLogStore,
  HeldPlansStore,
  MemberDirectoryStore,
} from "@lytics-access/store";

export interface SyncRunnerDeps extends OrgClientsDeps {
  readonly state: StateStores;
  readonly appliedSteps: AppliedStepsStore;
  readonly heldPlans: HeldPlansStore;
  readonly auditLog: AuditLogStore;
  /** @deprecated unused since the unfinished steps moved into packages/store; accepted for old callers. */
  readonly redis?: unknown;
  /** @deprecated as `redis`. */
  readonly prefix?: string;
  readonly maxRemovalShare: number;
  /** The organizations' role definitions and Owner, kept a short time. @defaultValue read on every listing */
  readonly roleCache?: OrgRoleCache;
  /** The sync's clock: which grants have expired, plan and audit times (tests move it). @defaultValue Date.now */
  readonly now?: () => number;
  /** Where each run leaves the Members page's snapshot. @defaultValue none written */
  readonly memberDirectory?: MemberDirectoryStore;
}

export function toSyncResult(report: RunReport): SyncResult {
  const changes =
    report.outcome === "applied" || report.outcome === "failed"
      ? (report.plan?.steps ?? []).slice(0, report.counts.applied).map((step) => ({
          kind: step.kind,
          email: step.person.email,
          projectId: step.projectId,
        }))
      : [];
  return {
    runId: report.runId,
    outcome: report.outcome,
    planId: report.planId,
    counts: {
      invites: report.counts.invites,
      roleChanges: report.counts.roleChanges,
      removals: report.counts.removals,
      drift: report.counts.drift,
      applied: report.counts.applied,
    },
    calls: Object.values(report.calls).reduce((sum, n) => sum + n, 0),
    durationMs: report.durationMs,
    changes,
    ...(report.diff === undefined ? {} : { diff: report.diff }),
    // The structured plan only where someone reads it before it applies: a dry run or a hold.
    ...(report.plan && (report.outcome === "dry-run" || report.outcome === "held")
      ? { plan: planToDiffJson(report.plan) }
      : {}),
    safety: report.safety.map(({ guard, outcome, rule, reason }) => ({
      guard,
      outcome,
      rule,
      reason,
    })),
    trace: report.trace.map((entry) => ({
      phase: entry.phase,
      person: entry.person,
      text: entry.text,
    })),
    ...(report.error === undefined ? {} : { error: report.error }),
  };
}

/** The organization's state, with the policy editor's candidate in place of the saved policy. */
function withCandidatePolicy(state: StatePort, policy: MappingPolicy | undefined): StatePort {
  if (!policy) return state;
  return { load: async () => ({ ...(await state.load()), policy }) };
}

export function createSyncRunner(deps: SyncRunnerDeps): OrgSyncRunner {
  return async (orgUid, request) => {
    if (request.policy && request.mode !== "dry-run")
      throw new Error("a candidate mapping policy is only planned with (dry run), never applied");
    const installation = await deps.installations.get(orgUid);
    if (!installation)
      throw new CredentialLostError(orgUid, "no-tokens", "The organization is not connected");
    const clients = await openOrgClients(deps, installation);
    const logger = deps.logger.child({ orgUid, runId: request.runId });
    const lytics = createLyticsPort(clients.lytics, clients.instrument);
    const listed = new Map<string, readonly CollaboratorRecord[]>();
    const directory = captureForDirectory(
      deps.memberDirectory,
      orgUid,
      logger,
      deps.now ?? (() => Date.now()),
    );
    const ports: SyncPorts = directory.wrap({
      members: createMembersPort(
        clients.contentstack,
        clients.instrument,
        deps.roleCache ? { cache: deps.roleCache, orgUid } : undefined,
      ),
      lytics: {
        ...lytics,
        async listCollaborators(projectUid) {
          const collaborators = await lytics.listCollaborators(projectUid);
          listed.set(projectUid, collaborators);
          return collaborators;
        },
      },
      state: withCandidatePolicy(
        createStoreStatePort({ ...deps.state, appliedSteps: deps.appliedSteps }, orgUid),
        request.policy,
      ),
      steps: createStoreStepsPort(deps.appliedSteps, orgUid),
      audit: createStoreAuditPort(deps.appliedSteps, orgUid, logger, deps.state.grants),
      held: createStoreHeldPort(deps.heldPlans, deps.auditLog, orgUid, deps.maxRemovalShare),
      clock: { now: deps.now ?? (() => Date.now()) },
    });
    const report = await reconcile(ports, {
      orgUid,
      runId: request.runId,
      scope:
        request.scope.kind === "full"
          ? { kind: "full" }
          : { kind: "people", people: [...request.scope.people] },
      dryRun: request.mode === "dry-run",
      maxRemovalShare: deps.maxRemovalShare,
      actor: installation.connectedBy.email,
      ...(request.approvedPlanId ? { approvedPlanId: request.approvedPlanId } : {}),
    });
    await directory.record(request, report);
    // Full and targeted runs alike: a targeted run records the people it was for, so a hand change
    // to someone last seen by one is still reported as drift when the next run puts it back.
    if ((report.outcome === "applied" || report.outcome === "no-changes") && report.plan)
      await recordConverged(deps.appliedSteps, orgUid, report.plan, listed).catch(
        (error: unknown) =>
          logger.warn(
            { err: error },
            "converged roles not recorded; drift on them is put back unannounced",
          ),
      );
    // The full runs of the schedule also keep the held plans tidy: approved plans and plans a
    // newer one replaced are discarded (and audited) once past the retention.
    if (request.scope.kind === "full" && request.mode === "apply")
      await deps.heldPlans
        .prune(orgUid)
        .then((discarded) => {
          if (discarded.length > 0)
            logger.info({ discarded }, "held plans past retention discarded");
        })
        .catch((error: unknown) =>
          logger.warn({ err: error }, "held plans past retention not discarded; next run retries"),
        );
    if (
      (report.outcome === "failed" || report.outcome === "aborted") &&
      clients.lastError() !== undefined
    ) {
      const cause = clients.lastError();
      const failure = classifyError(cause);
      if (failure.kind === "unauthorized") {
        // One forced refresh decides between "the access token went stale" (retry) and "the
        // grant is gone" (CredentialLostError from the refresh: needs reconnect).
        await clients.refreshNow();
      }
      if (failure.kind !== "permanent") throw cause;
    }
    logger.info(
      {
        outcome: report.outcome,
        planId: report.planId,
        applied: report.counts.applied,
        durationMs: report.durationMs,
      },
      "reconcile finished",
    );
    return toSyncResult(report);
  };
}
