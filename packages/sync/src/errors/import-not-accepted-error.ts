/**
 * Thrown when an import plan is applied under an id other than the one the Owner accepted: the
 * Lytics users changed since it was shown, so what would be saved is not what was approved.
 */
export class ImportNotAcceptedError extends Error {
  readonly code = "IMPORT_NOT_ACCEPTED" as const;

  constructor(
    readonly importId: string,
    readonly acceptedImportId: string,
  ) {
    super(
      `Import ${importId} is not the one accepted (${acceptedImportId}); build it and show it again.`,
    );
    this.name = "ImportNotAcceptedError";
  }
}
