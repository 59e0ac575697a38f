// The sync's Lytics port on packages/lytics' Management API client: one organization credential
// for every project (DESIGN §4), no per-account API tokens.
import type { LyticsManagementClient } from "@lytics-access/lytics";
import type { LyticsPort } from "@lytics-access/sync";

import type { CallInstrument } from "./instrument-call";

export function createLyticsPort(
  client: LyticsManagementClient,
  instrument: CallInstrument,
): LyticsPort {
  return {
    listProjects: () =>
      instrument("lytics", "listProjects", async () =>
        (await client.listProjects()).map((project) => ({ uid: project.uid, name: project.name })),
      ),
    listCollaborators: (projectUid) =>
      instrument("lytics", "listCollaborators", () => client.listCollaborators(projectUid)),
    invite: (projectUid, email, roles) =>
      instrument("lytics", "inviteCollaborators", () =>
        client.inviteCollaborators(projectUid, { emails: [email], roles }),
      ),
    replaceRoles: (projectUid, userUid, roles) =>
      instrument("lytics", "updateCollaboratorRoles", () =>
        client.updateCollaboratorRoles(projectUid, userUid, roles),
      ),
    remove: (projectUid, userUid) =>
      instrument("lytics", "removeCollaborator", () =>
        client.removeCollaborator(projectUid, userUid),
      ),
  };
}
