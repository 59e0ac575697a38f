import type {
  AuditCursorStore,
  AuditLogStore,
  HeldPlansStore,
  InstallationsStore,
  RunLockStore,
  SyncRunsStore,
} from "@lytics-access/store";

/** The packages/store stores the processors use. */
export interface WorkerStores {
  readonly installations: InstallationsStore;
  readonly runLock: RunLockStore;
  readonly syncRuns: SyncRunsStore;
  readonly auditLog: AuditLogStore;
  readonly heldPlans: HeldPlansStore;
  readonly auditCursor: AuditCursorStore;
}
