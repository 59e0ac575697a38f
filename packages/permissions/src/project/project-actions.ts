import type { TaskPermission } from "../catalogue/task-matrix";

/** The actions of seed 002's permissions matrix, in its row order. */
export const PROJECT_ACTIONS = [
  "project.list",
  "project.create",
  "project.view-dashboard",
  "project.edit",
  "project.connections",
  "project.invite",
  "project.change-role",
  "project.remove-collaborator",
  "project.delete",
  "project.open-lytics",
  "org.settings",
] as const;

/** A project action id. */
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

/**
 * What an invited collaborator needs for each action (seed 002's last column). "Depends on role"
 * is answered through the seed 001 task matrix (DESIGN §3.3).
 * - `any-collaborator`: being on the project is enough.
 * - `tasks`: every listed task permission must be granted by the collaborator's project roles.
 * - `never`: collaborators cannot, whatever their roles.
 * - `org-decides`: only the organization role matters (no project role can grant it).
 */
export type CollaboratorRequirement =
  | { readonly kind: "any-collaborator" }
  | { readonly kind: "tasks"; readonly tasks: readonly TaskPermission[] }
  | { readonly kind: "never" }
  | { readonly kind: "org-decides" };

/** One row of seed 002's matrix. */
export interface ProjectActionRow {
  readonly action: ProjectAction;
  /** The row as seed 002 words it. */
  readonly label: string;
  readonly collaborator: CollaboratorRequirement;
}

export const PROJECT_ACTION_TABLE: readonly ProjectActionRow[] = [
  {
    action: "project.list",
    label: "View project list",
    collaborator: { kind: "any-collaborator" },
  },
  {
    action: "project.create",
    label: "Create a new project",
    collaborator: { kind: "org-decides" },
  },
  {
    action: "project.view-dashboard",
    label: "View project dashboard",
    collaborator: { kind: "any-collaborator" },
  },
  {
    action: "project.edit",
    label: "Edit project name, description, domain",
    collaborator: { kind: "tasks", tasks: ["account.edit"] },
  },
  // One action covers adding and removing, so it needs all three (the same roles hold them today).
  {
    action: "project.connections",
    label: "Add or remove a connection (CMS stack, Launch, Personalize)",
    collaborator: {
      kind: "tasks",
      tasks: ["authorizations.create", "authorizations.edit", "authorizations.delete"],
    },
  },
  {
    action: "project.invite",
    label: "Invite collaborators",
    collaborator: { kind: "tasks", tasks: ["account.invite-user"] },
  },
  {
    action: "project.change-role",
    label: "Change a collaborator's role",
    collaborator: { kind: "tasks", tasks: ["account.manage-user-roles"] },
  },
  {
    action: "project.remove-collaborator",
    label: "Remove a collaborator",
    collaborator: { kind: "tasks", tasks: ["account.manage-user-roles"] },
  },
  { action: "project.delete", label: "Delete the project", collaborator: { kind: "never" } },
  {
    action: "project.open-lytics",
    label: "Open the Lytics platform (app.lytics.io)",
    collaborator: { kind: "any-collaborator" },
  },
  {
    action: "org.settings",
    label: "Access Contentstack organization settings",
    collaborator: { kind: "org-decides" },
  },
];

const BY_ACTION = new Map<string, ProjectActionRow>(
  PROJECT_ACTION_TABLE.map((row) => [row.action, row]),
);

/** True when `value` is a project action id. */
export function isProjectAction(value: string): value is ProjectAction {
  return BY_ACTION.has(value);
}

/** The seed 002 row of an action. */
export function projectActionRow(action: ProjectAction): ProjectActionRow {
  const row = BY_ACTION.get(action);
  if (!row) throw new RangeError(`no project action "${action}"`);
  return row;
}
