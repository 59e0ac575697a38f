import { StoreError } from "./store-error";

/**
 * The run lock expired or was taken by another worker before this one extended it. The holder
 * must stop writing: another worker may now be syncing the same organization.
 */
export class LockNotHeldError extends StoreError {
  static override readonly code = "STORE_LOCK_NOT_HELD";
  readonly code = "STORE_LOCK_NOT_HELD";

  constructor(readonly orgUid: string) {
    super(`the run lock of organization ${orgUid} is no longer held by this worker`);
    this.name = "LockNotHeldError";
  }
}
