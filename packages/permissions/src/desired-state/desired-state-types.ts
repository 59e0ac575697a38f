import type { RuleId } from "../decision";
import type { AccessLevel, OrgRole } from "../policy/access-levels";
import type { MappingPolicy } from "../policy/mapping-policy";

/** One person of the organization, as the sync reads them from Contentstack (classified with `orgStandingOf`). */
export interface DesiredStateMember {
  readonly uid: string;
  /** Carried through to the output so the sync can match Lytics users by email. */
  readonly email?: string | undefined;
  readonly orgRole: OrgRole;
  /** `pending` while the invitation is not accepted: such a person gets nothing yet. */
  readonly status?: "active" | "pending" | undefined;
  /** An access level an Owner or Admin granted this Member (Members only). */
  readonly grantedLevel?: AccessLevel | null | undefined;
}

/** One collaborator grant, an app record (packages/store). */
export interface CollaboratorGrant {
  readonly uid: string;
  /** Lytics role slugs granted on this project. */
  readonly roles: readonly string[];
}

/** One Lytics project (a Lytics account) of the organization. */
export interface DesiredStateProject {
  readonly id: string;
  /** The project's owner (its creator), if known. */
  readonly ownerUid?: string | null | undefined;
  readonly collaborators: readonly CollaboratorGrant[];
  /**
   * The account's `roles_available` slugs. When given it wins over the static catalogue; roles
   * outside it are refused (never written) and reported.
   * @defaultValue the eleven catalogue slugs
   */
  readonly rolesAvailable?: readonly string[] | undefined;
}

/** Input of `computeDesiredState`: plain, serialisable data. */
export interface DesiredStateInput {
  /** A policy returned by `parseMappingPolicy` (or the default policy). */
  readonly policy: MappingPolicy;
  readonly members: readonly DesiredStateMember[];
  readonly projects: readonly DesiredStateProject[];
}

/** Where a user's roles on a project come from, in this fixed order. */
export type RoleSourceKind =
  "org-owner" | "org-admin" | "member-level" | "project-owner" | "collaborator";

/** One reason a user is on a project, with the roles it gives. */
export interface RoleSource {
  readonly kind: RoleSourceKind;
  readonly rule: RuleId;
  /** Sorted slugs this source gives (after refusing slugs the account does not offer). */
  readonly roles: readonly string[];
  readonly reason: string;
}

/** A user's desired roles on one project. */
export interface DesiredUser {
  readonly uid: string;
  readonly email?: string;
  readonly orgRole: OrgRole;
  /** Sorted union of the sources' roles. */
  readonly roles: readonly string[];
  readonly sources: readonly RoleSource[];
}

/** The desired Lytics users of one project, sorted by uid. */
export interface DesiredProjectState {
  readonly projectId: string;
  readonly users: readonly DesiredUser[];
}

/** Something the sync must not enforce, reported for the dry run and the audit log. */
export type DesiredStateNotice =
  | {
      /** A grant held by someone who is pending or absent: kept, never enforced. */
      readonly kind: "orphaned-grant";
      readonly projectId: string;
      readonly uid: string;
      readonly grant: "project-owner" | "collaborator";
      readonly roles: readonly string[];
      readonly cause: "pending-invitation" | "not-in-organization";
      readonly message: string;
    }
  | {
      /** A recorded level grant that the policy or the person's standing does not allow. */
      readonly kind: "level-grant-not-enforced";
      readonly uid: string;
      readonly level: AccessLevel;
      readonly cause: "pending-invitation" | "not-a-member" | "not-grantable";
      readonly message: string;
    }
  | {
      /** A slug the project's account does not offer: Lytics would store it and grant nothing. */
      readonly kind: "role-refused";
      readonly projectId: string;
      readonly role: string;
      readonly uids: readonly string[];
      readonly message: string;
    };

/**
 * What the sync enforces: every project's users and roles, plus what it must not enforce. Read-only
 * throughout: to stay small at 100,000 members, people of the same standing share one role source
 * object, one `sources` list and one `roles` list, so changing one would change them all.
 */
export interface DesiredState {
  readonly policyVersion: number;
  /** Sorted by project id. */
  readonly projects: readonly DesiredProjectState[];
  /** Sorted by kind, project and person. */
  readonly notices: readonly DesiredStateNotice[];
}
