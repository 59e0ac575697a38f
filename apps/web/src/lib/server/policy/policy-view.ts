import "server-only";

import {
  ACCESS_LEVELS,
  DEFAULT_MAPPING_POLICY,
  LYTICS_ROLES,
  type MappingPolicy,
} from "@lytics-access/permissions";
import type { Actor, PolicyStore } from "@lytics-access/store";

import { policyChanges } from "./policy-changes";

/** One saved version: who, when, why, and what changed from the one before. */
export interface PolicyVersionView {
  readonly version: number;
  readonly changedBy: string;
  readonly changedAt: number;
  readonly note: string | null;
  readonly changes: readonly string[];
}

/** What the Policy page shows and edits. */
export interface PolicyView {
  readonly policy: MappingPolicy;
  /** False while the organization runs on the default policy (never edited). */
  readonly saved: boolean;
  readonly history: readonly PolicyVersionView[];
  readonly levels: readonly { readonly id: string; readonly label: string }[];
  readonly roles: readonly { readonly slug: string; readonly name: string }[];
  /** Levels the policy may let Members be granted (seed 000). */
  readonly memberGrantableCandidates: readonly string[];
}

const who = (actor: Actor) =>
  actor.type === "person" ? (actor.name ?? actor.email ?? actor.uid) : `the ${actor.name}`;

export async function loadPolicyView(store: PolicyStore, orgUid: string): Promise<PolicyView> {
  const [saved, history] = await Promise.all([store.get(orgUid), store.history(orgUid)]);
  // History is newest first; each version is compared with the one saved before it (the oldest
  // with the default policy it replaced).
  const versions = history.map((entry, index) => ({
    version: entry.version,
    changedBy: who(entry.changedBy),
    changedAt: entry.changedAt,
    note: entry.note ?? null,
    changes: policyChanges(history[index + 1]?.policy ?? DEFAULT_MAPPING_POLICY, entry.policy),
  }));
  return {
    policy: saved ?? DEFAULT_MAPPING_POLICY,
    saved: saved !== null,
    history: versions,
    levels: ACCESS_LEVELS.map(({ id, label }) => ({ id, label })),
    roles: LYTICS_ROLES.map(({ slug, name }) => ({ slug, name })),
    memberGrantableCandidates: ["editor", "audience-manager", "data-manager"],
  };
}
