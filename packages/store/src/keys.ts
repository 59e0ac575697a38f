import { InvalidInputError } from "./errors/invalid-input-error";

/**
 * Every Redis key lytics-access uses, built here and nowhere else (as bullmq's QueueKeys does),
 * so the layout in the README is the whole truth.
 *
 * Redis Cluster hashes only the part between the first `{` and `}`. Per-organization keys carry
 * `{org:<orgUid>}`, so one organization's keys share a slot and a MULTI or Lua script may touch
 * several of them; the few keys that span organizations carry `{global}`.
 */

declare const keyBrand: unique symbol;

/** A Redis key built by {@link createKeys}; plain strings are refused where a key is expected. */
export type Key = string & { readonly [keyBrand]: true };

/** The default key prefix. Tests pass a random one so they never see each other's keys. */
export const DEFAULT_KEY_PREFIX = "la";

// Org uids end up inside the hash tag: a brace would move the tag and split an org across slots,
// whitespace or a colon would make keys ambiguous. Contentstack uids are plain alphanumerics.
const ORG_UID = /^[A-Za-z0-9_.-]{1,128}$/;
// Other parts (project uids, plan ids, API names) sit after the tag; a colon could still make two
// different ids build the same key, so the same conservative alphabet applies.
const PART = /^[A-Za-z0-9_.@+-]{1,256}$/;
const PREFIX = /^[A-Za-z0-9_.-]{1,64}$/;

function checked(pattern: RegExp, value: string, what: string): string {
  if (!pattern.test(value))
    throw new InvalidInputError(what, [
      `must match ${pattern.source} (got ${value.length} characters)`,
    ]);
  return value;
}

/** Checks an organization uid before it is used in a key. */
export function checkOrgUid(orgUid: string): string {
  return checked(ORG_UID, orgUid, "organization uid");
}

/** The key builder of one prefix. */
export interface StoreKeys {
  readonly prefix: string;
  /** Set of the uids of every organization with an installation (`{global}`). */
  installationIndex(): Key;
  installation(orgUid: string): Key;
  tokens(orgUid: string): Key;
  grants(orgUid: string): Key;
  grantUnique(orgUid: string): Key;
  grantExpiry(orgUid: string): Key;
  grantsByProject(orgUid: string, projectUid: string): Key;
  grantsByPerson(orgUid: string, personKey: string): Key;
  projectOwners(orgUid: string): Key;
  memberLevels(orgUid: string): Key;
  policy(orgUid: string): Key;
  policyHistory(orgUid: string): Key;
  audit(orgUid: string): Key;
  runs(orgUid: string): Key;
  runLock(orgUid: string): Key;
  step(orgUid: string, planId: string, stepId: string): Key;
  /** Hash `<plan>:<step>` -> the claimed step's content, until it is done or released. */
  unfinishedSteps(orgUid: string): Key;
  /** Hash `<project>\n<person>` -> roles JSON the sync last established (drift detection). */
  syncedRoles(orgUid: string): Key;
  heldPlans(orgUid: string): Key;
  heldPlanApprovals(orgUid: string): Key;
  /** Hash request id -> access request JSON. */
  accessRequests(orgUid: string): Key;
  /** Hash `<project>\n<person>` -> the id of that person's pending request on the project. */
  accessRequestsPending(orgUid: string): Key;
  auditCursor(orgUid: string): Key;
  rateLimit(orgUid: string, api: string): Key;
  /**
   * The member directory snapshot: `rows` hash (person key -> row), `index` blob, `meta`, and
   * `names` (person key -> the last display name seen, for people a listing gives none).
   */
  memberDirectory(orgUid: string, part: "rows" | "index" | "meta" | "names"): Key;
  /** Hash a full snapshot's rows are written into, a chunk at a time, before it replaces `rows`. */
  memberDirectoryStaging(orgUid: string, token: string): Key;
  /** Every key of one organization matches this pattern (for tests and operator tooling). */
  orgPattern(orgUid: string): string;
}

/**
 * Builds the key builder for a prefix.
 *
 * @param prefix - first segment of every key
 * @defaultValue {@link DEFAULT_KEY_PREFIX}
 * @throws {@link InvalidInputError} when the prefix, an org uid or another part has a character
 *   that could move the hash tag or make two keys collide.
 */
export function createKeys(prefix: string = DEFAULT_KEY_PREFIX): StoreKeys {
  checked(PREFIX, prefix, "key prefix");
  const org = (orgUid: string, ...rest: string[]): Key =>
    [`${prefix}:{org:${checkOrgUid(orgUid)}}`, ...rest].join(":") as Key;
  const part = (value: string, what: string): string => checked(PART, value, what);

  return Object.freeze({
    prefix,
    installationIndex: () => `${prefix}:{global}:installations` as Key,
    installation: (o: string) => org(o, "installation"),
    tokens: (o: string) => org(o, "tokens"),
    grants: (o: string) => org(o, "grants"),
    grantUnique: (o: string) => org(o, "grants", "unique"),
    grantExpiry: (o: string) => org(o, "grants", "expiry"),
    grantsByProject: (o: string, projectUid: string) =>
      org(o, "grants", "project", part(projectUid, "project uid")),
    // People are indexed by a digest of their normalised email (see grants), never the raw email:
    // an address may hold any character, and keys are visible to whoever can run SCAN.
    grantsByPerson: (o: string, personKey: string) =>
      org(o, "grants", "person", part(personKey, "person key")),
    projectOwners: (o: string) => org(o, "project-owners"),
    memberLevels: (o: string) => org(o, "member-levels"),
    policy: (o: string) => org(o, "policy"),
    policyHistory: (o: string) => org(o, "policy", "history"),
    audit: (o: string) => org(o, "audit"),
    runs: (o: string) => org(o, "runs"),
    runLock: (o: string) => org(o, "run-lock"),
    step: (o: string, planId: string, stepId: string) =>
      org(o, "step", part(planId, "plan id"), part(stepId, "step id")),
    unfinishedSteps: (o: string) => org(o, "steps", "unfinished"),
    syncedRoles: (o: string) => org(o, "synced-roles"),
    heldPlans: (o: string) => org(o, "held-plans"),
    heldPlanApprovals: (o: string) => org(o, "held-plans", "approvals"),
    accessRequests: (o: string) => org(o, "access-requests"),
    accessRequestsPending: (o: string) => org(o, "access-requests", "pending"),
    auditCursor: (o: string) => org(o, "audit-cursor"),
    rateLimit: (o: string, api: string) => org(o, "rl", part(api, "API name")),
    memberDirectory: (o: string, which: "rows" | "index" | "meta" | "names") =>
      org(o, "member-directory", which),
    memberDirectoryStaging: (o: string, token: string) =>
      org(o, "member-directory", "staging", part(token, "staging token")),
    orgPattern: (o: string) => `${prefix}:{org:${checkOrgUid(o)}}:*`,
  });
}
