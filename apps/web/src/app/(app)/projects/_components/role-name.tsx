"use client";

import { useId } from "react";

import type { RoleOption } from "@/lib/server/projects/role-options";

import styles from "./projects.module.css";
import { GrantsList } from "./role-picker";

/**
 * A role held, named, with its description and what it grants on hover or keyboard focus (seed
 * 002's note: "hover over the role name in the Users tab").
 */
export function RoleName({ slug, role }: { slug: string; role: RoleOption | undefined }) {
  const id = useId();
  return (
    <span className={styles.roleTag} tabIndex={0} aria-describedby={`${id}-tip`}>
      {role?.name ?? slug}
      <span role="tooltip" id={`${id}-tip`} className={styles.tooltip}>
        {role?.description ?? "This project does not describe this role."}
        {role ? <GrantsList role={role} /> : null}
      </span>
    </span>
  );
}
