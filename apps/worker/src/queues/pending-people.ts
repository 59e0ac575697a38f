// The people waiting for a targeted sync, one Redis set per organization. Producers add to it and
// then add a deduplicated job that carries only the organization; the job drains the set when it
// runs, so a burst of events becomes one run and whatever arrives during that run one follow-up.
import type { Redis } from "ioredis";

import { QUEUE_PREFIX } from "./constants";

/** Under the queue prefix, so it shares the queues' hash slot in Redis Cluster. */
export const pendingPeopleKey = (orgUid: string, prefix: string = QUEUE_PREFIX): string =>
  `${prefix}:pending-people:${orgUid}`;

/** Lowercased, trimmed, deduplicated emails. */
export function normaliseEmails(emails: readonly string[]): string[] {
  return [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
}

/** When each pending person's change happened upstream (first one wins): for propagation latency. */
export const pendingSinceKey = (orgUid: string, prefix: string = QUEUE_PREFIX): string =>
  `${prefix}:pending-since:${orgUid}`;

export async function addPendingPeople(
  redis: Redis,
  orgUid: string,
  emails: readonly string[],
  options: { prefix?: string; changedAt?: ReadonlyMap<string, number> } = {},
): Promise<void> {
  const people = normaliseEmails(emails);
  if (people.length === 0) return;
  const multi = redis.multi().sadd(pendingPeopleKey(orgUid, options.prefix), ...people);
  for (const [email, at] of options.changedAt ?? [])
    multi.hsetnx(pendingSinceKey(orgUid, options.prefix), email.trim().toLowerCase(), String(at));
  await multi.exec();
}

/** Takes every pending person at once (MULTI: nobody added in between is lost or taken twice). */
export async function drainPendingPeople(
  redis: Redis,
  orgUid: string,
  prefix?: string,
): Promise<{ people: string[]; changedAt: Map<string, number> }> {
  const key = pendingPeopleKey(orgUid, prefix);
  const since = pendingSinceKey(orgUid, prefix);
  const results = await redis.multi().smembers(key).hgetall(since).del(key, since).exec();
  const members = results?.[0]?.[1];
  const times = (results?.[1]?.[1] ?? {}) as Record<string, string>;
  const changedAt = new Map<string, number>();
  for (const [email, at] of Object.entries(times))
    if (Number.isFinite(Number(at))) changedAt.set(email, Number(at));
  return { people: Array.isArray(members) ? (members as string[]).sort() : [], changedAt };
}
