import "server-only";

import { createMemberDirectoryStore, type MemberDirectoryStore } from "@lytics-access/store";

import type { Services } from "../services";

// One store per Services (so per process, and per test harness): it keeps each organization's
// parsed index for the snapshot's current version, which is what makes a page request cheap.
const stores = new WeakMap<Services, MemberDirectoryStore>();

/** The member directory the worker writes (packages/store), on the web app's store connection. */
export function memberDirectory(svc: Services): MemberDirectoryStore {
  let store = stores.get(svc);
  if (!store) {
    store = createMemberDirectoryStore({ redis: svc.redis, keyPrefix: svc.env.STORE_KEY_PREFIX });
    stores.set(svc, store);
  }
  return store;
}
