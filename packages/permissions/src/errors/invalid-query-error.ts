/**
 * Thrown when an explain query (from the CLI or any other caller) does not match one of the
 * documented query forms. The message names the offending field.
 */
export class InvalidQueryError extends Error {
  readonly code = "INVALID_QUERY" as const;

  constructor(message: string) {
    super(message);
    this.name = "InvalidQueryError";
  }
}
