import { ImportNotAcceptedError } from "../errors/import-not-accepted-error";
import type { ImportPlan } from "./import-plan";

/** Where adopted grants are saved (packages/store); saving the same import twice changes nothing. */
export interface ImportStatePort {
  adoptGrants(importId: string, grants: ImportPlan["grants"]): Promise<void>;
}

/** Saves an import plan an Owner has seen and accepted; refuses a plan other than the one shown. */
export async function applyImport(
  port: ImportStatePort,
  plan: ImportPlan,
  acceptedImportId: string,
): Promise<{ adopted: number }> {
  if (acceptedImportId !== plan.importId)
    throw new ImportNotAcceptedError(plan.importId, acceptedImportId);
  if (plan.grants.length > 0) await port.adoptGrants(plan.importId, plan.grants);
  return { adopted: plan.grants.length };
}
