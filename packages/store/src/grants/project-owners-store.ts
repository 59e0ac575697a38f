import { z } from "zod";

import { actorSchema, type Actor } from "../support/actor";
import { checkInput, parseStored } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";

/**
 * The owner (creator) of a Lytics project, as the app recorded it: seed 002 gives the owner Admin
 * on the project, and Lytics does not report who created an account.
 */
export interface ProjectOwner {
  readonly projectUid: string;
  readonly userUid: string;
  readonly email?: string | undefined;
  readonly recordedBy: Actor;
  /** Epoch ms. */
  readonly recordedAt: number;
}

const ownerSchema = z.strictObject({
  projectUid: z.string().min(1),
  userUid: z.string().min(1),
  email: z.string().optional(),
  recordedBy: actorSchema,
  recordedAt: z.number().int(),
});

const setOwnerInputSchema = ownerSchema.omit({ recordedAt: true });

/** Project owners per organization. */
export interface ProjectOwnersStore {
  /** Records (or replaces) a project's owner. */
  set(orgUid: string, owner: Omit<ProjectOwner, "recordedAt">): Promise<ProjectOwner>;
  get(orgUid: string, projectUid: string): Promise<ProjectOwner | null>;
  /** Every recorded owner, by project uid. */
  list(orgUid: string): Promise<ProjectOwner[]>;
  /** Forgets a project's owner (the project was deleted). */
  remove(orgUid: string, projectUid: string): Promise<boolean>;
}

/** Creates the project-owners store. */
export function createProjectOwnersStore(options: StoreOptions): ProjectOwnersStore {
  const { redis, clock, keys } = resolveStoreOptions(options);
  const parse = (orgUid: string, projectUid: string, raw: string): ProjectOwner =>
    parseStored(ownerSchema, raw, `${keys.projectOwners(orgUid)} field ${projectUid}`);

  return {
    async set(orgUid, owner) {
      const record: ProjectOwner = {
        ...checkInput(setOwnerInputSchema, owner, "project owner"),
        recordedAt: clock.now(),
      };
      await redis.hset(keys.projectOwners(orgUid), record.projectUid, JSON.stringify(record));
      return record;
    },
    async get(orgUid, projectUid) {
      const raw = await redis.hget(keys.projectOwners(orgUid), projectUid);
      return raw === null ? null : parse(orgUid, projectUid, raw);
    },
    async list(orgUid) {
      const all = await redis.hgetall(keys.projectOwners(orgUid));
      return Object.entries(all)
        .map(([projectUid, raw]) => parse(orgUid, projectUid, raw))
        .sort((a, b) => a.projectUid.localeCompare(b.projectUid));
    },
    async remove(orgUid, projectUid) {
      return (await redis.hdel(keys.projectOwners(orgUid), projectUid)) > 0;
    },
  };
}
