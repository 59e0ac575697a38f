// Keeps the member directory (packages/store) from what each run reads anyway: the member
// listing, every project's collaborators and the app's records. A full run replaces the snapshot;
// a targeted run ("sync this person now", audit-log changes) rewrites its people's rows. A dry run
// writes nothing (it may plan under a candidate policy), nor does a run that stopped before its
// plan. A failed directory write is logged and never fails the run: the sync comes first.
import type { DesiredState } from "@lytics-access/permissions";
import type { MemberDirectoryStore } from "@lytics-access/store";
import type {
  CollaboratorRecord,
  MemberListing,
  ProjectRecord,
  RunReport,
  SyncPorts,
  SyncStateSnapshot,
} from "@lytics-access/sync";
import type { Logger } from "pino";

import type { SyncRequest } from "../jobs/org-sync-runner";
import {
  buildDirectoryRows,
  directoryRows,
  type DirectoryMember,
} from "./member-directory-snapshot";

export interface DirectoryCapture {
  /** The same ports, noting what they read. */
  wrap(ports: SyncPorts): SyncPorts;
  /** Writes the directory after the run (no-op without a store, on a dry run or an abort). */
  record(request: SyncRequest, report: RunReport): Promise<void>;
}

export function captureForDirectory(
  store: MemberDirectoryStore | undefined,
  orgUid: string,
  logger: Pick<Logger, "warn">,
  now: () => number,
): DirectoryCapture {
  let listing: MemberListing | undefined;
  let projects: readonly ProjectRecord[] | undefined;
  let state: SyncStateSnapshot | undefined;
  let desired: DesiredState | undefined;
  const collaborators = new Map<string, readonly CollaboratorRecord[]>();
  let readAt = 0;
  return {
    wrap(ports) {
      if (!store) return ports;
      return {
        ...ports,
        members: {
          async list() {
            readAt = now();
            listing = await ports.members.list();
            return listing;
          },
        },
        lytics: {
          ...ports.lytics,
          async listProjects() {
            projects = await ports.lytics.listProjects();
            return projects;
          },
          async listCollaborators(projectUid) {
            const listed = await ports.lytics.listCollaborators(projectUid);
            collaborators.set(projectUid, listed);
            return listed;
          },
        },
        state: {
          async load() {
            state = await ports.state.load();
            return state;
          },
        },
        planned(planned) {
          desired = planned;
          ports.planned?.(planned);
        },
      };
    },

    async record(request, report) {
      if (!store || !listing || !projects || !state) return;
      if (request.mode === "dry-run" || report.outcome === "aborted" || !report.plan) return;
      try {
        const ownerUid =
          listing.ownerUid ?? listing.members.find((m) => m.role === "owner")?.userUid ?? null;
        if (ownerUid === null) return;
        const people = request.scope.kind === "people" ? request.scope.people : undefined;
        const only = people ? new Set(people.map((p) => p.trim().toLowerCase())) : undefined;
        const inputs = {
          // The listing carries each member's display name beside the sync's fields.
          members: listing.members as readonly DirectoryMember[],
          ownerUid,
          projects,
          collaborators,
          state,
          now: now(),
          plan: report.plan,
          applied: report.counts.applied,
          ...(only ? { only } : {}),
          ...(desired ? { desired } : {}),
        };
        if (!only) {
          await store.replace(orgUid, {
            rows: directoryRows(inputs),
            readAt,
            runId: report.runId,
            policyVersion: state.policy.version,
            projects: projects.map((p) => ({ uid: p.uid, name: p.name })),
          });
          return;
        }
        // Someone the run was asked about who is no longer a member leaves the directory.
        const rows = buildDirectoryRows(inputs);
        const found = new Set(rows.flatMap((row) => [row.key, row.email]));
        await store.upsert(orgUid, {
          rows,
          removed: [...only].filter((person) => !found.has(person)),
          runId: report.runId,
        });
      } catch (error) {
        logger.warn(
          { err: error },
          "member directory not written; the Members page shows the previous snapshot",
        );
      }
    },
  };
}
