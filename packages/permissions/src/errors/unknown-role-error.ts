/**
 * Thrown when a role given by display name or slug is not one of the eleven catalogue roles.
 * Lytics stores any slug without checking it, so an unknown role must stop here, never be written.
 */
export class UnknownRoleError extends Error {
  readonly code = "UNKNOWN_ROLE" as const;
  /** The role exactly as it was given. */
  readonly role: string;

  constructor(role: string, context?: string) {
    super(
      `${context ? `${context}: ` : ""}unknown Lytics role "${role}" ` +
        `(give a display name such as "Data Manager" or a slug such as "data_manager")`,
    );
    this.name = "UnknownRoleError";
    this.role = role;
  }
}
