import {
  CHECK_ACTIONS,
  actionLabel,
  type CheckAction,
} from "@/lib/server/troubleshooting/diagnose";

import styles from "./troubleshooting.module.css";

interface ProjectOption {
  uid: string;
  name: string;
}

/**
 * The project to check against. With `fromLink`, a project the link named that is not among the
 * listed ones is offered first, marked as coming from the link.
 */
export function ProjectField({
  project,
  projects,
  fromLink = false,
}: {
  project: ProjectOption | undefined | null;
  projects: readonly ProjectOption[];
  fromLink?: boolean;
}) {
  return (
    <label className={`la-field ${styles.field}`}>
      Project
      <select name="project" defaultValue={project?.uid}>
        {fromLink && project && !projects.some((p) => p.uid === project.uid) ? (
          <option value={project.uid}>{project.name} (from your link)</option>
        ) : null}
        {projects.map((p) => (
          <option key={p.uid} value={p.uid}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The action to check, one of the checkable ones, under this label. */
export function ActionField({ label, action }: { label: string; action: CheckAction }) {
  return (
    <label className={`la-field ${styles.field}`}>
      {label}
      <select name="action" defaultValue={action}>
        {CHECK_ACTIONS.map((a) => (
          <option key={a} value={a}>
            {actionLabel(a)}
          </option>
        ))}
      </select>
    </label>
  );
}
