"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";

import styles from "./requests.module.css";

interface ProjectChoice {
  readonly uid: string;
  readonly name: string;
  /** The roles the project offers (its `roles_available`); null: every catalogue role. */
  readonly roles?: readonly string[] | null;
  /** Lytics' own description of each offered role, by slug. */
  readonly descriptions?: Readonly<Record<string, string>>;
}

interface Props {
  readonly projects: readonly ProjectChoice[];
  /** The project from the link (`?project=`), preselected. */
  readonly projectUid: string | null;
  readonly roles: ReadonlyArray<{ slug: string; name: string; description: string }>;
  /** Slugs ticked to begin with (the role the Access Denied page suggested). */
  readonly suggested: readonly string[];
}

/**
 * Ask for roles on a project with a reason. Each role shows what it grants (seed 002: "check the
 * role description in the collaborator invite picker"). The server checks everything again.
 */
export function RequestForm({ projects, projectUid, roles, suggested }: Props) {
  const router = useRouter();
  const [project, setProject] = useState(projectUid ?? projects[0]?.uid ?? "");
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(suggested));
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = projects.find((p) => p.uid === project);
  // A role the project's account does not offer would be stored by Lytics and grant nothing.
  const offered = roles.filter((role) => !current?.roles || current.roles.includes(role.slug));
  const picked = offered.filter((role) => chosen.has(role.slug)).map((role) => role.slug);

  const toggle = (slug: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(slug)) next.delete(slug);
      else next.add(slug);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (picked.length === 0) return setError("Pick at least one role.");
    if (reason.trim() === "") return setError("Say why you need it.");
    setBusy(true);
    setError(null);
    const result = await apiCall("/api/requests", {
      method: "POST",
      body: { projectUid: project, roles: picked, reason },
    });
    setBusy(false);
    if (!result.ok) return setError(reasonOf(result.data, "The request was not sent."));
    router.push("/requests?sent=1");
    router.refresh();
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Request access" noValidate>
      <label className={`la-field ${styles.field}`}>
        Project
        <select
          name="project"
          value={project}
          onChange={(event) => setProject(event.target.value)}
          required
        >
          {projects.map((p) => (
            <option key={p.uid} value={p.uid}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className={styles.roles}>
        <legend>Roles you need</legend>
        {offered.map((role) => (
          <div key={role.slug} className={styles.role}>
            <input
              type="checkbox"
              id={`role-${role.slug}`}
              name="roles"
              value={role.slug}
              checked={chosen.has(role.slug)}
              onChange={() => toggle(role.slug)}
              aria-describedby={`role-${role.slug}-what`}
            />
            <label htmlFor={`role-${role.slug}`} title={role.description}>
              <strong>{role.name}</strong>
            </label>
            <span id={`role-${role.slug}-what`} className={`la-muted ${styles.roleDescription}`}>
              {current?.descriptions?.[role.slug] ? `${current.descriptions[role.slug]} ` : ""}
              {role.description}
            </span>
          </div>
        ))}
      </fieldset>
      <label className={`la-field ${styles.field}`}>
        Why you need it
        <textarea
          name="reason"
          value={reason}
          maxLength={1000}
          onChange={(event) => setReason(event.target.value)}
          required
        />
      </label>
      <div aria-live="polite">
        {error ? (
          <p className="la-notice la-notice-bad" role="alert" data-testid="request-error">
            {error}
          </p>
        ) : null}
      </div>
      <p>
        <button type="submit" className="la-button" disabled={busy || project === ""}>
          {busy ? "Sending…" : "Send request"}
        </button>
      </p>
    </form>
  );
}
