// The first-connection import (DESIGN §3.4): when an Owner or Admin connects an organization, the
// people already on its Lytics projects keep what they have. The import is read through the same
// adapters as a reconcile and shown as a plan first; accepting it saves the adopted collaborators
// as grants (source "import"), each audited, so the first reconcile removes nobody by surprise.
// Until it is accepted the installation awaits its import (packages/store): the worker neither
// schedules nor runs anything for it. Accepting clears that, after the grants are saved.
import type { Actor, AuditLogStore, GrantsStore } from "@lytics-access/store";
import { AlreadyExistsError } from "@lytics-access/store";
import { applyImport, planImport, type ImportPlan } from "@lytics-access/sync";

import { createLyticsPort } from "../adapters/lytics-port";
import { createMembersPort } from "../adapters/members-port";
import { openOrgClients, type OrgClientsDeps } from "../adapters/org-clients";
import { createStoreStatePort, type StateStores } from "../adapters/store-state-port";
import { CredentialLostError } from "../credentials/credential-lost-error";

export interface FirstConnectionImportDeps extends OrgClientsDeps {
  readonly state: StateStores;
  readonly grants: GrantsStore;
  readonly auditLog: AuditLogStore;
  readonly now?: () => number;
}

export interface FirstConnectionImport {
  /** Reads the organization and returns the import plan; writes nothing. */
  plan(orgUid: string): Promise<ImportPlan>;
  /**
   * Builds the plan again and saves it when its id is the one the person accepted; refuses a
   * plan that changed since it was shown (ImportNotAcceptedError). Then marks the import
   * accepted (audited `import-accepted`), so the organization may be synced: the caller tells the
   * workers with `enqueuer.installationChanged(orgUid, "connected")`.
   */
  accept(orgUid: string, acceptedImportId: string, actor: Actor): Promise<{ adopted: number }>;
}

export function createFirstConnectionImport(
  deps: FirstConnectionImportDeps,
): FirstConnectionImport {
  const now = deps.now ?? Date.now;

  async function plan(orgUid: string): Promise<ImportPlan> {
    const installation = await deps.installations.get(orgUid);
    if (!installation)
      throw new CredentialLostError(orgUid, "no-tokens", "The organization is not connected");
    const clients = await openOrgClients(deps, installation);
    return planImport(
      {
        members: createMembersPort(clients.contentstack, clients.instrument),
        lytics: createLyticsPort(clients.lytics, clients.instrument),
        state: createStoreStatePort(deps.state, orgUid),
        clock: { now },
      },
      orgUid,
    );
  }

  return {
    plan,
    async accept(orgUid, acceptedImportId, actor) {
      const current = await plan(orgUid);
      const result = await applyImport(
        {
          async adoptGrants(importId, grants) {
            for (const grant of grants) {
              let grantId: string;
              try {
                const saved = await deps.grants.create(orgUid, {
                  projectUid: grant.projectId,
                  email: grant.email,
                  userUid: grant.uid,
                  roles: [...grant.roles],
                  grantedBy: actor,
                  source: "import",
                });
                grantId = saved.id;
              } catch (error) {
                // Accepting the same import twice (a retry, a double click) changes nothing.
                if (error instanceof AlreadyExistsError) continue;
                throw error;
              }
              await deps.auditLog.append(orgUid, {
                kind: "import-adopted",
                at: now(),
                actor,
                projectUid: grant.projectId,
                person: { email: grant.email, uid: grant.uid },
                roles: [...grant.roles],
                grantId,
                runId: importId,
              });
            }
          },
        },
        current,
        acceptedImportId,
      );
      // Only after every grant is saved: a crash before this leaves the import waiting, and
      // accepting again adopts nothing twice.
      await deps.installations.markImportAccepted(orgUid, {
        by: actor,
        importId: current.importId,
        adopted: result.adopted,
      });
      return result;
    },
  };
}
