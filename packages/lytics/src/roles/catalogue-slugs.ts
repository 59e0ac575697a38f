import { LYTICS_ROLE_SLUGS } from "@lytics-access/permissions";

/**
 * The eleven catalogue slugs of @lytics-access/permissions (DESIGN §3.2). The clients read them
 * only as a fallback, when an account does not report `roles_available`.
 */
export const CATALOGUE_ROLE_SLUGS: readonly string[] = LYTICS_ROLE_SLUGS;
