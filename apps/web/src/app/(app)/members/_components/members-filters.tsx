import type { MembersQuery } from "@/lib/server/members/members-query";

import styles from "./members.module.css";

const ROLES = [
  ["owner", "Owner"],
  ["admin", "Admin"],
  ["member", "Member"],
  ["guest", "Guest"],
] as const;
const LEVELS = [
  ["admin", "Admin"],
  ["editor", "Editor"],
  ["audience-manager", "Audience Manager"],
  ["data-manager", "Data Manager"],
  ["restricted", "Restricted"],
  ["none", "None"],
] as const;
const STATUSES = [
  ["out-of-sync", "Out of sync"],
  ["pending", "Pending"],
  ["in-sync", "In sync"],
] as const;

/**
 * Search and filters as a plain GET form: the URL is the state, so a filtered page is a link to
 * share and the back button returns to the previous filters. Applying starts again at page 1.
 */
export function MembersFilters({
  query,
  projects,
}: {
  query: Partial<MembersQuery>;
  projects: readonly { uid: string; name: string }[];
}) {
  return (
    <form className="la-field-bar" method="get" role="search" aria-label="Filter members">
      <label className={`la-field ${styles.field}`}>
        Search
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          placeholder="Name or email"
          maxLength={200}
        />
      </label>
      <FilterSelect
        label="Contentstack role"
        name="role"
        value={query.role}
        anyLabel="Any role"
        options={ROLES}
      />
      <FilterSelect
        label="Access level"
        name="level"
        value={query.level}
        anyLabel="Any level"
        options={LEVELS}
      />
      <FilterSelect
        label="Project"
        name="project"
        value={query.project}
        anyLabel="Any project"
        options={projects.map((project) => [project.uid, project.name] as const)}
      />
      <FilterSelect
        label="Sync status"
        name="status"
        value={query.status}
        anyLabel="Any status"
        options={STATUSES}
      />
      {query.size && query.size !== 25 ? (
        <input type="hidden" name="size" value={query.size} />
      ) : null}
      <button type="submit" className="la-button">
        Apply
      </button>
      <a className="la-button la-button-secondary" href="/members">
        Clear
      </a>
    </form>
  );
}

/** One labelled filter whose first choice, the empty value, means "any". */
function FilterSelect({
  label,
  name,
  value,
  anyLabel,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  anyLabel: string;
  options: readonly (readonly [value: string, label: string])[];
}) {
  return (
    <label className={`la-field ${styles.field}`}>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </label>
  );
}
