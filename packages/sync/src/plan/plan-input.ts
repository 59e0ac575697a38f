import type { AccessLevel, MappingPolicy } from "@lytics-access/permissions";

/** One person of the organization, as the Contentstack member listing gives them. */
export interface PlanMember {
  /** Contentstack user uid; `null` for a pending invitation to someone without an account. */
  readonly uid: string | null;
  readonly email: string;
  /** Organization role; the Owner is also recognised through {@link PlanInput.ownerUid}. */
  readonly orgRole: "owner" | "admin" | "member" | "guest";
  readonly status: "active" | "pending";
  /** Marked guest / collaborator by the organization: only per-project grants give them anything. */
  readonly isGuest?: boolean | undefined;
  /** An access level an Owner or Admin granted this Member (an app record). */
  readonly grantedLevel?: AccessLevel | null | undefined;
}

/** A person on a Lytics project now, as the Management API lists collaborators. */
export interface ActualCollaborator {
  /** The Lytics-side user uid (a Contentstack uid, or `invite_<id>` for an open invitation). */
  readonly userUid: string;
  readonly email: string;
  /** Role slugs as listed; the baseline role is ignored. */
  readonly roles: readonly string[];
}

/** One Lytics project of the organization with its collaborators now. */
export interface PlanProject {
  readonly id: string;
  readonly name: string;
  /** The creator as Lytics records them; the app's record ({@link PlanInput.projectOwners}) wins. */
  readonly ownerUid?: string | null | undefined;
  /** The account's `roles_available`, when known (wins over the static catalogue). */
  readonly rolesAvailable?: readonly string[] | undefined;
  readonly collaborators: readonly ActualCollaborator[];
}

/** A collaborator grant made through the app (packages/store). */
export interface GrantRecord {
  readonly projectId: string;
  readonly uid: string;
  readonly roles: readonly string[];
  /** ISO 8601; from this instant on the grant is excluded from the desired state. */
  readonly expiresAt?: string | null | undefined;
}

/** The roles the sync last established for a person on a project (kept by the store). */
export interface LastSyncedRoles {
  readonly projectId: string;
  /** Contentstack uid, or the email when the person has none. */
  readonly person: string;
  readonly roles: readonly string[];
}

/** Which people a plan is about. A targeted plan is cut from the same full desired state. */
export type PlanScope =
  { readonly kind: "full" } | { readonly kind: "people"; readonly people: readonly string[] };

/** Everything {@link buildPlan} needs: plain data, no I/O. */
export interface PlanInput {
  readonly orgUid: string;
  /** The organization's `owner_uid`. */
  readonly ownerUid: string;
  readonly members: readonly PlanMember[];
  readonly projects: readonly PlanProject[];
  readonly grants: readonly GrantRecord[];
  /** Project id -> owner uid, the app's record. */
  readonly projectOwners?: Readonly<Record<string, string>> | undefined;
  readonly policy: MappingPolicy;
  /**
   * What the sync last wrote or found converged. A role change on someone whose actual roles
   * differ from these was made inside Lytics by hand: `drift`. Without an entry, no drift is claimed.
   */
  readonly lastSynced?: readonly LastSyncedRoles[] | undefined;
  /** Evaluation time (ISO 8601 or epoch ms): decides which grants have expired. */
  readonly now: string | number;
  /** @defaultValue `{ kind: "full" }` */
  readonly scope?: PlanScope | undefined;
}
