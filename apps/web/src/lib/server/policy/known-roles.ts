import "server-only";

import type { SessionState } from "../load-session";
import type { Services } from "../services";

type Active = Extract<SessionState, { status: "active" }>;

/**
 * The Lytics role slugs a policy may name (DESIGN §3.2): the roles every project of the
 * organization offers (`GET /projects/{id}/roles`, from each account's `roles_available`), since
 * the policy's bundles are written on every project and Lytics stores an unknown slug without
 * granting anything. Read with the Owner's own token (Owners see every project). `undefined`
 * (the static catalogue decides) when there is no project or the reads fail.
 */
export async function rolesEveryProjectOffers(
  svc: Services,
  state: Active,
): Promise<readonly string[] | undefined> {
  try {
    const lytics = svc.lyticsAs(state.session.orgUid, state.tokens.accessToken);
    const projects = await lytics.listProjects();
    if (projects.length === 0) return undefined;
    const offered = await Promise.all(
      projects.map(async (project) =>
        (await lytics.listAssignableRoles(project.uid)).map((role) => role.slug),
      ),
    );
    const [first = [], ...rest] = offered;
    return first.filter((slug) => rest.every((slugs) => slugs.includes(slug)));
  } catch {
    return undefined;
  }
}
