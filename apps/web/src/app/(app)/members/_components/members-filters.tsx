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
    <form className={styles.filters} method="get" role="search" aria-label="Filter members">
      <label className={styles.field}>
        Search
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          placeholder="Name or email"
          maxLength={200}
        />
      </label>
      <label className={styles.field}>
        Contentstack role
        <select name="role" defaultValue={query.role ?? ""}>
          <option value="">Any role</option>
          {ROLES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        Access level
        <select name="level" defaultValue={query.level ?? ""}>
          <option value="">Any level</option>
          {LEVELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        Project
        <select name="project" defaultValue={query.project ?? ""}>
          <option value="">Any project</option>
          {projects.map((p) => (
            <option key={p.uid} value={p.uid}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        Sync status
        <select name="status" defaultValue={query.status ?? ""}>
          <option value="">Any status</option>
          {STATUSES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
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
