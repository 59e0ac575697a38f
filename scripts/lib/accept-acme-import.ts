// What Acme's Owner would see and accept in the connect flow, done for the local system (`npm
// start` and the e2e system alike): the collaborators already on Acme's projects become grants,
// so the first sync keeps their access instead of removing it.
import {
  LOCAL_ACME,
  createWorkerLogger,
  openFirstConnectionImport,
  type WorkerConfig,
} from "@lytics-access/worker";

export interface AcceptedImport {
  /** Collaborators adopted as grants. */
  readonly adopted: number;
  /** Collaborators left out (not people of the organization). */
  readonly notAdopted: number;
}

/** Plans Acme's first-connection import and accepts it as Acme's Owner. */
export async function acceptAcmeImport(config: WorkerConfig): Promise<AcceptedImport> {
  const imports = openFirstConnectionImport(config, {
    logger: createWorkerLogger({ level: config.logLevel }),
  });
  try {
    const plan = await imports.plan(LOCAL_ACME.orgUid);
    const { adopted } = await imports.accept(LOCAL_ACME.orgUid, plan.importId, {
      type: "person",
      ...LOCAL_ACME.owner,
    });
    return { adopted, notAdopted: plan.notAdopted.length };
  } finally {
    await imports.close();
  }
}
