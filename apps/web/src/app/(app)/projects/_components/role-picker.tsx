"use client";

import { useId } from "react";

import type { RoleOption } from "@/lib/server/projects/role-options";

import { FieldError } from "./field-error";
import styles from "./projects.module.css";

/** Admin grants every task: listing them all says less than saying so. */
const EVERYTHING = 20;

/** What a role grants, in the task matrix's words (seed 001). */
export function GrantsList({ role }: { role: RoleOption }) {
  if (role.grants.length === 0) return <span>Grants no task of the Lytics task matrix.</span>;
  if (role.grants.length >= EVERYTHING)
    return (
      <span>Grants every task, user and setting of the project ({role.grants.length} tasks).</span>
    );
  return (
    <ul>
      {role.grants.map((grant) => (
        <li key={grant}>{grant}</li>
      ))}
    </ul>
  );
}

/**
 * The role picker of an invitation or a role change (seed 002's note: "check the role description
 * in the collaborator invite picker"): each role with Lytics' description and what it grants.
 */
export function RolePicker({
  roles,
  selected,
  onChange,
  legend,
  disabled,
  error,
}: {
  roles: readonly RoleOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  legend: string;
  disabled?: boolean;
  error?: string | null;
}) {
  const id = useId();
  const toggle = (slug: string, on: boolean) =>
    onChange(on ? [...selected, slug] : selected.filter((value) => value !== slug));
  return (
    <fieldset
      className={styles.picker}
      disabled={disabled}
      aria-describedby={error ? `${id}-error` : undefined}
      data-testid="role-picker"
    >
      <legend className={styles.legend}>{legend}</legend>
      {roles.map((role) => {
        const inputId = `${id}-${role.slug}`;
        return (
          <div className={styles.option} key={role.slug}>
            <input
              type="checkbox"
              id={inputId}
              checked={selected.includes(role.slug)}
              onChange={(event) => toggle(role.slug, event.target.checked)}
              aria-describedby={`${inputId}-text`}
            />
            <label htmlFor={inputId} className={styles.optionName}>
              {role.name}
            </label>
            <span className={styles.optionText} id={`${inputId}-text`}>
              {role.description ?? "No description from Data & Insights."}
            </span>
            <details className={styles.grants}>
              <summary>What {role.name} grants</summary>
              <GrantsList role={role} />
            </details>
          </div>
        );
      })}
      <FieldError id={`${id}-error`} text={error} testId="error-roles" />
    </fieldset>
  );
}
