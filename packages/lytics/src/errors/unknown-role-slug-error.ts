/** Where the list of valid role slugs came from. */
export type RoleSlugSource =
  /** The account's own `roles_available` (or the project's `GET /projects/{id}/roles`). */
  | "roles-available"
  /** The static catalogue of @lytics-access/permissions, used when the account reports no list. */
  | "catalogue";

/**
 * A write named role slugs that the account does not offer. Lytics stores any string as a role
 * and a typo grants nothing, so the client refuses the whole write before anything is sent.
 */
export class UnknownRoleSlugError extends Error {
  readonly code = "LYTICS_UNKNOWN_ROLE_SLUG";
  /** The requested slugs that are not valid, in request order. */
  readonly unknownSlugs: readonly string[];
  /** The slugs that would have been accepted. */
  readonly allowedSlugs: readonly string[];
  readonly source: RoleSlugSource;

  constructor(
    unknownSlugs: readonly string[],
    allowedSlugs: readonly string[],
    source: RoleSlugSource,
  ) {
    super(
      `Unknown Lytics role slug(s): ${unknownSlugs.join(", ")}. ` +
        `Allowed (${source}): ${allowedSlugs.join(", ") || "none"}. Nothing was sent.`,
    );
    this.name = "UnknownRoleSlugError";
    this.unknownSlugs = unknownSlugs;
    this.allowedSlugs = allowedSlugs;
    this.source = source;
  }
}
