// Step bookkeeping for crash safety. Done markers and the change's audit entry are packages/
// store's applied-steps (one atomic script writes both, once). The engine also needs the steps a
// killed run claimed and never finished, with their content, to finish or release them: those are
// kept here, in a hash per organization beside the queues.
import type { Redis } from "ioredis";
import type { AppliedStepsStore, AuditEntryInput } from "@lytics-access/store";
import type { AuditPort, ClaimedStep, PlanStep, StepsPort } from "@lytics-access/sync";

import { QUEUE_PREFIX } from "../queues/constants";

export const unfinishedStepsKey = (orgUid: string, prefix: string = QUEUE_PREFIX): string =>
  `${prefix}:unfinished-steps:${orgUid}`;

export function createStoreStepsPort(
  appliedSteps: AppliedStepsStore,
  redis: Redis,
  orgUid: string,
  prefix?: string,
): StepsPort {
  const key = unfinishedStepsKey(orgUid, prefix);
  const field = (planId: string, stepId: string) => `${planId}:${stepId}`;
  return {
    async claim(planId, step) {
      const claim = await appliedSteps.claim(orgUid, planId, step.stepId);
      if (claim.status === "done") return "done";
      // "busy" is a claim of a run that died: the organization's run lock is ours, so nobody else
      // is applying, and taking the step over is safe (writes are idempotent, the audit is once).
      await redis.hset(key, field(planId, step.stepId), JSON.stringify({ planId, step, at: Date.now() }));
      return "claimed";
    },
    async markDone(planId, stepId) {
      await appliedSteps.markDone(orgUid, planId, stepId);
      await redis.hdel(key, field(planId, stepId));
    },
    async unfinished() {
      const entries = Object.values(await redis.hgetall(key)).map(
        (raw) => JSON.parse(raw) as ClaimedStep & { at: number },
      );
      return entries.sort((a, b) => a.at - b.at).map(({ planId, step }) => ({ planId, step }));
    },
    async release(planId, stepId) {
      await redis.hdel(key, field(planId, stepId));
    },
  };
}

/** The audit entry of an applied step, in packages/store's shape. */
export function changeAppliedEntry(
  change: Parameters<AuditPort["changeApplied"]>[0],
): AuditEntryInput {
  const step: PlanStep = change.step;
  return {
    kind: "change-applied",
    at: Date.parse(change.at),
    actor: { type: "system", name: "sync" },
    runId: change.runId,
    planId: change.planId,
    stepId: step.stepId,
    projectUid: step.projectId,
    person: {
      ...(step.person.email ? { email: step.person.email } : {}),
      ...(step.person.uid ? { uid: step.person.uid } : {}),
    },
    change: step.kind,
    beforeRoles: [...change.before],
    afterRoles: [...change.after],
    why: {
      rules: change.why.map((why) => why.rule),
      text: change.why.map((why) => why.text).join(" "),
    },
  };
}
