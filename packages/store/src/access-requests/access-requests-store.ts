import { randomUUID } from "node:crypto";

import { AlreadyExistsError } from "../errors/already-exists-error";
import { NotFoundError } from "../errors/not-found-error";
import { StaleWriteError } from "../errors/stale-write-error";
import { normaliseEmail, personKey } from "../support/person-key";
import { checkInput, parseStored } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";
import {
  accessRequestSchema,
  createAccessRequestInputSchema,
  decideAccessRequestInputSchema,
  type AccessRequest,
  type AccessRequestStatus,
  type CreateAccessRequestInput,
  type DecideAccessRequestInput,
} from "./access-request";
import { CREATE_REQUEST, DECIDE_REQUEST } from "./access-request-scripts";

/** Which requests to list; filters combine with AND. */
export interface AccessRequestQuery {
  readonly statuses?: readonly AccessRequestStatus[];
  readonly projectUids?: readonly string[];
  /** The requester's Contentstack uid. */
  readonly requesterUid?: string;
}

/** Access requests per organization. */
export interface AccessRequestsStore {
  /**
   * Records a pending request (version 1).
   * @throws {@link AlreadyExistsError} when the person already has a pending request on the
   *   project (`existingId` names it)
   */
  create(orgUid: string, input: CreateAccessRequestInput): Promise<AccessRequest>;
  get(orgUid: string, requestId: string): Promise<AccessRequest | null>;
  /** Newest first. */
  list(orgUid: string, query?: AccessRequestQuery): Promise<AccessRequest[]>;
  /**
   * Approves, declines or withdraws a pending request still at `expectedVersion`. A request is
   * decided once: the second of two approvers gets a {@link StaleWriteError}, never a second grant.
   * @throws {@link StaleWriteError} when it changed or was decided since that version
   * @throws {@link NotFoundError} when there is no such request
   */
  decide(
    orgUid: string,
    requestId: string,
    expectedVersion: number,
    decision: DecideAccessRequestInput,
  ): Promise<AccessRequest>;
}

const newestFirst = (a: AccessRequest, b: AccessRequest): number =>
  b.createdAt - a.createdAt || a.id.localeCompare(b.id);

/** Creates the access-requests store. */
export function createAccessRequestsStore(options: StoreOptions): AccessRequestsStore {
  const { redis, clock, keys } = resolveStoreOptions(options);
  const pendingField = (request: Pick<AccessRequest, "projectUid" | "requester">): string =>
    `${request.projectUid}\n${personKey(request.requester.email)}`;
  const parse = (orgUid: string, id: string, raw: string): AccessRequest =>
    parseStored(accessRequestSchema, raw, `${keys.accessRequests(orgUid)} field ${id}`);

  async function get(orgUid: string, requestId: string): Promise<AccessRequest | null> {
    const raw = await redis.hget(keys.accessRequests(orgUid), requestId);
    return raw === null ? null : parse(orgUid, requestId, raw);
  }

  return {
    async create(orgUid, input) {
      const checked = checkInput(createAccessRequestInputSchema, input, "access request");
      const now = clock.now();
      const request: AccessRequest = accessRequestSchema.parse({
        ...checked,
        requester: { ...checked.requester, email: normaliseEmail(checked.requester.email) },
        roles: [...new Set(checked.roles)].sort(),
        id: randomUUID(),
        status: "pending",
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      const result = (await CREATE_REQUEST.run(
        redis,
        [keys.accessRequests(orgUid), keys.accessRequestsPending(orgUid)],
        [request.id, pendingField(request), JSON.stringify(request)],
      )) as unknown[];
      if (result[0] === 0)
        throw new AlreadyExistsError(
          `a pending access request on project ${request.projectUid} for this person`,
          String(result[1]),
        );
      return request;
    },

    get,

    async list(orgUid, query = {}) {
      const all = await redis.hgetall(keys.accessRequests(orgUid));
      return Object.entries(all)
        .map(([id, raw]) => parse(orgUid, id, raw))
        .filter(
          (r) =>
            (!query.statuses || query.statuses.includes(r.status)) &&
            (!query.projectUids || query.projectUids.includes(r.projectUid)) &&
            (query.requesterUid === undefined || r.requester.userUid === query.requesterUid),
        )
        .sort(newestFirst);
    },

    async decide(orgUid, requestId, expectedVersion, decision) {
      const checked = checkInput(
        decideAccessRequestInputSchema,
        decision,
        "access request decision",
      );
      const what = `access request ${requestId}`;
      const current = await get(orgUid, requestId);
      if (!current) throw new NotFoundError(what);
      // Checked here for a clear answer, and again in the script, which is what makes it safe.
      if (current.version !== expectedVersion || current.status !== "pending")
        throw new StaleWriteError(what, expectedVersion, current.version);
      const now = clock.now();
      const next: AccessRequest = accessRequestSchema.parse({
        ...current,
        status: checked.status,
        decidedBy: checked.by,
        decidedAt: now,
        updatedAt: now,
        ...(checked.reason ? { decisionReason: checked.reason } : {}),
        ...(checked.status === "approved" && checked.expiresAt !== undefined
          ? { expiresAt: checked.expiresAt }
          : {}),
        version: current.version + 1,
      });
      const result = (await DECIDE_REQUEST.run(
        redis,
        [keys.accessRequests(orgUid), keys.accessRequestsPending(orgUid)],
        [requestId, expectedVersion, JSON.stringify(next), pendingField(current)],
      )) as unknown[];
      if (result[0] === -1) throw new NotFoundError(what);
      if (result[0] === 0) throw new StaleWriteError(what, expectedVersion, Number(result[1]));
      return next;
    },
  };
}
