// `GET /projects/{id}/roles`: the roles collaborators can be given (api-notes Part A §1.3 R1).
import type { LyticsHttp } from "../http/request";
import { wireAssignableRoleListSchema, type WireAssignableRole } from "../wire/management";
import { projectPath } from "./projects";

/** A role a project's collaborators can be given. */
export interface AssignableRole {
  slug: string;
  name: string | null;
  description: string | null;
}

export function toAssignableRole(wire: WireAssignableRole): AssignableRole {
  return { slug: wire.slug, name: wire.name ?? null, description: wire.description ?? null };
}

/** The project account's assignable roles (its `roles_available` with `can_be_assigned`). */
export async function listAssignableRoles(
  http: LyticsHttp,
  projectUid: string,
): Promise<AssignableRole[]> {
  const { data } = await http({
    method: "GET",
    route: "/projects/:id/roles",
    path: `${projectPath(projectUid)}/roles`,
    policy: "idempotent",
    expect: [200],
    schema: wireAssignableRoleListSchema,
  });
  return data.map(toAssignableRole);
}
