/**
 * Thrown when the input of the desired-state function is ambiguous (for example the same person
 * listed twice with different organization roles). Guessing would make the sync's plan depend on
 * input order, so we refuse instead.
 */
export class InvalidDesiredStateInputError extends Error {
  readonly code = "INVALID_DESIRED_STATE_INPUT" as const;

  constructor(message: string) {
    super(message);
    this.name = "InvalidDesiredStateInputError";
  }
}
