"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";
import type { Gate } from "@/lib/server/projects/project-view";

import { fieldProblemsOf, problemText } from "./field-problems";
import { GateReason } from "./gate-reason";
import styles from "./projects.module.css";

/** Deleting a project, confirmed by typing its name (org Owners/Admins and its owner only). */
export function DeleteProject({
  projectUid,
  projectName,
  etag,
  gate,
}: {
  projectUid: string;
  projectName: string;
  etag: string;
  gate: Gate;
}) {
  const router = useRouter();
  const id = useId();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await apiCall(`/api/projects/${encodeURIComponent(projectUid)}`, {
      method: "DELETE",
      body: { confirmName: typed },
      ifMatch: etag,
    });
    setBusy(false);
    if (result.ok) {
      router.push("/projects");
      router.refresh();
      return;
    }
    setError(
      problemText(fieldProblemsOf(result.data), "confirmName") ??
        reasonOf(result.data, "Not deleted."),
    );
  };
  return (
    <section
      className={`la-card ${styles.danger}`}
      aria-labelledby={`${id}-h`}
      data-testid="delete-project"
    >
      <h2 id={`${id}-h`}>Delete {projectName}</h2>
      <p>
        Deleting the project deletes its Data &amp; Insights account and everything in it, and takes
        away everyone&apos;s access. It cannot be undone.
      </p>
      <form className={styles.inline} onSubmit={(event) => void submit(event)}>
        <div className={styles.field}>
          <label htmlFor={`${id}-confirm`}>
            Type <strong>{projectName}</strong> to confirm
          </label>
          <input
            id={`${id}-confirm`}
            value={typed}
            disabled={!gate.allowed || busy}
            onChange={(event) => setTyped(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : gate.allowed ? undefined : `${id}-reason`}
            autoComplete="off"
          />
        </div>
        <button
          type="submit"
          className="la-button"
          disabled={!gate.allowed || busy || typed.trim() !== projectName}
          aria-describedby={gate.allowed ? undefined : `${id}-reason`}
        >
          Delete project
        </button>
      </form>
      {error ? (
        <p className={styles.error} id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
      <GateReason gate={gate} id={`${id}-reason`} />
    </section>
  );
}
