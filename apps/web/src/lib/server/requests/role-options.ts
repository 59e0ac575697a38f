import {
  LYTICS_ROLES,
  NAVIGATION_MATRIX,
  TASK_MATRIX,
  permissionsOf,
  type LyticsRoleSlug,
} from "@lytics-access/permissions";

/** One role of the picker: its name, and what it shows and allows, read from the catalogue. */
export interface RoleOption {
  readonly slug: LyticsRoleSlug;
  readonly name: string;
  /** One sentence a person can choose by (seed 002: "check the role description"). */
  readonly description: string;
}

/**
 * Each Lytics role with a description made from seed 001's matrices as packages/permissions
 * reproduces them (the navigation it shows, the tasks it allows, grouped), so the picker can
 * never disagree with what the sync and the access checker decide.
 */
export function roleOptions(): RoleOption[] {
  return LYTICS_ROLES.map((role) => {
    const granted = permissionsOf([role.slug]);
    const shown = NAVIGATION_MATRIX.filter((row) => granted.navigation.includes(row.id)).map(
      (row) => row.label,
    );
    const groups = new Map<string, string[]>();
    for (const row of TASK_MATRIX)
      if (granted.tasks.includes(row.id))
        groups.set(row.group, [...(groups.get(row.group) ?? []), row.label.toLowerCase()]);
    const tasks = [...groups].map(([group, labels]) => `${group}: ${labels.join(", ")}`);
    return {
      slug: role.slug,
      name: role.name,
      description:
        `Shows ${shown.join(", ")}.` +
        (tasks.length > 0 ? ` Allows ${tasks.join("; ")}.` : " Allows no task beyond viewing."),
    };
  });
}
