import { randomUUID } from "node:crypto";

import { AlreadyExistsError } from "../errors/already-exists-error";
import { CorruptRecordError } from "../errors/corrupt-record-error";
import { NotFoundError } from "../errors/not-found-error";
import { StaleWriteError } from "../errors/stale-write-error";
import type { Key } from "../keys";
import { normaliseEmail, personKey } from "../support/person-key";
import { checkInput, parseStored } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";
import {
  createGrantInputSchema,
  grantSchema,
  updateGrantInputSchema,
  type CreateGrantInput,
  type Grant,
  type UpdateGrantInput,
} from "./grant";
import { CREATE_GRANT, REMOVE_GRANT, UPDATE_GRANT } from "./grant-scripts";

/** Collaborator grants made through the app, per organization. */
export interface GrantsStore {
  /**
   * Creates a grant (version 1).
   * @throws {@link AlreadyExistsError} when the person already has a grant on the project
   *   (`existingId` names it: update that one instead)
   */
  create(orgUid: string, input: CreateGrantInput): Promise<Grant>;
  /** The grant, or `null`. */
  get(orgUid: string, grantId: string): Promise<Grant | null>;
  /**
   * Changes roles, expiry or the person's uid if the grant is still at `expectedVersion`.
   * @throws {@link StaleWriteError} when someone else changed it first (never overwritten)
   * @throws {@link NotFoundError} when it is gone
   */
  update(
    orgUid: string,
    grantId: string,
    expectedVersion: number,
    change: UpdateGrantInput,
  ): Promise<Grant>;
  /**
   * Removes the grant if it is still at `expectedVersion`.
   * @throws {@link StaleWriteError} / {@link NotFoundError} as for `update`
   */
  remove(orgUid: string, grantId: string, expectedVersion: number): Promise<void>;
  /** Every grant of the organization, by project then email. */
  list(orgUid: string): Promise<Grant[]>;
  listByProject(orgUid: string, projectUid: string): Promise<Grant[]>;
  /** A person's grants, by email (indexed) or by Contentstack uid. */
  listByPerson(orgUid: string, person: { email: string } | { uid: string }): Promise<Grant[]>;
  /** Grants whose expiry is at or before `now` (the sync removes them, saying why). */
  listExpired(orgUid: string, now: number): Promise<Grant[]>;
}

const byProjectThenEmail = (a: Grant, b: Grant): number =>
  a.projectUid.localeCompare(b.projectUid) || a.email.localeCompare(b.email);

/** Creates the grants store. */
export function createGrantsStore(options: StoreOptions): GrantsStore {
  const { redis, clock, keys } = resolveStoreOptions(options);

  const uniqueField = (grant: Pick<Grant, "projectUid" | "email">): string =>
    `${grant.projectUid}\n${personKey(grant.email)}`;
  const indexKeys = (orgUid: string, grant: Pick<Grant, "projectUid" | "email">): Key[] => [
    keys.grants(orgUid),
    keys.grantUnique(orgUid),
    keys.grantExpiry(orgUid),
    keys.grantsByProject(orgUid, grant.projectUid),
    keys.grantsByPerson(orgUid, personKey(grant.email)),
  ];

  const parse = (orgUid: string, id: string, raw: string): Grant =>
    parseStored(grantSchema, raw, `${keys.grants(orgUid)} field ${id}`);

  async function byIds(orgUid: string, ids: readonly string[], index: Key): Promise<Grant[]> {
    if (ids.length === 0) return [];
    const raws = await redis.hmget(keys.grants(orgUid), ...ids);
    return ids
      .map((id, i) => {
        const raw = raws[i];
        // Indexes change in the same script as the record, so a dangling id means corruption.
        if (raw == null)
          throw new CorruptRecordError(`${index} member ${id}`, ["names a missing grant"]);
        return parse(orgUid, id, raw);
      })
      .sort(byProjectThenEmail);
  }

  async function get(orgUid: string, grantId: string): Promise<Grant | null> {
    const raw = await redis.hget(keys.grants(orgUid), grantId);
    return raw === null ? null : parse(orgUid, grantId, raw);
  }

  function staleOrMissing(result: unknown[], what: string, expected: number): void {
    if (result[0] === -1) throw new NotFoundError(what);
    if (result[0] === 0) throw new StaleWriteError(what, expected, Number(result[1]));
  }

  return {
    async create(orgUid, input) {
      const checked = checkInput(createGrantInputSchema, input, "grant");
      const now = clock.now();
      const grant: Grant = grantSchema.parse({
        ...checked,
        id: randomUUID(),
        email: normaliseEmail(checked.email),
        grantedAt: now,
        updatedAt: now,
        version: 1,
      });
      const result = (await CREATE_GRANT.run(redis, indexKeys(orgUid, grant), [
        grant.id,
        uniqueField(grant),
        JSON.stringify(grant),
        grant.expiresAt ?? "",
      ])) as unknown[];
      if (result[0] === 0)
        throw new AlreadyExistsError(
          `a grant on project ${grant.projectUid} for this person`,
          String(result[1]),
        );
      return grant;
    },

    get,

    async update(orgUid, grantId, expectedVersion, change) {
      const checked = checkInput(updateGrantInputSchema, change, "grant change");
      const what = `grant ${grantId}`;
      const current = await get(orgUid, grantId);
      if (!current) throw new NotFoundError(what);
      // Checked here for a clear answer, and again in the script, which is what makes it safe.
      if (current.version !== expectedVersion)
        throw new StaleWriteError(what, expectedVersion, current.version);
      const { expiresAt, ...rest } = checked;
      const next: Grant = grantSchema.parse({
        ...current,
        ...rest,
        ...(expiresAt === undefined ? {} : { expiresAt: expiresAt ?? undefined }),
        updatedAt: clock.now(),
        version: current.version + 1,
      });
      const result = (await UPDATE_GRANT.run(
        redis,
        [keys.grants(orgUid), keys.grantExpiry(orgUid)],
        [grantId, expectedVersion, JSON.stringify(next), next.expiresAt ?? ""],
      )) as unknown[];
      staleOrMissing(result, what, expectedVersion);
      return next;
    },

    async remove(orgUid, grantId, expectedVersion) {
      const what = `grant ${grantId}`;
      const current = await get(orgUid, grantId);
      if (!current) throw new NotFoundError(what);
      const result = (await REMOVE_GRANT.run(redis, indexKeys(orgUid, current), [
        grantId,
        expectedVersion,
        uniqueField(current),
      ])) as unknown[];
      staleOrMissing(result, what, expectedVersion);
    },

    async list(orgUid) {
      const all = await redis.hgetall(keys.grants(orgUid));
      return Object.entries(all)
        .map(([id, raw]) => parse(orgUid, id, raw))
        .sort(byProjectThenEmail);
    },

    async listByProject(orgUid, projectUid) {
      const index = keys.grantsByProject(orgUid, projectUid);
      return byIds(orgUid, await redis.smembers(index), index);
    },

    async listByPerson(orgUid, person) {
      if ("email" in person) {
        const index = keys.grantsByPerson(orgUid, personKey(person.email));
        return byIds(orgUid, await redis.smembers(index), index);
      }
      return (await this.list(orgUid)).filter((grant) => grant.userUid === person.uid);
    },

    async listExpired(orgUid, now) {
      const index = keys.grantExpiry(orgUid);
      return byIds(orgUid, await redis.zrangebyscore(index, "-inf", now), index);
    },
  };
}
