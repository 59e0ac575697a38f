"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";
import type { Gate, ProjectDetail } from "@/lib/server/projects/project-view";

import { fieldProblemsOf } from "./field-problems";
import { FormNotice, type Notice } from "./form-notice";
import { GateReason } from "./gate-reason";
import styles from "./projects.module.css";

const KINDS = [
  { kind: "stack", field: "stackApiKeys", label: "CMS stacks", what: "Stack API key" },
  {
    kind: "launch",
    field: "launchProjectUids",
    label: "Launch projects",
    what: "Launch project uid",
  },
  {
    kind: "personalize",
    field: "personalizeProjectUids",
    label: "Personalize projects",
    what: "Personalize project uid",
  },
] as const;

/** The project's connections (CMS stacks, Launch, Personalize): listed, added, removed. */
export function ConnectionsCard({
  project,
  etag,
  gate,
}: {
  project: ProjectDetail["project"];
  etag: string;
  gate: Gate;
}) {
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<(typeof KINDS)[number]["kind"]>("stack");
  const [value, setValue] = useState("");
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const disabled = !gate.allowed || busy;

  const change = async (method: "POST" | "DELETE", body: { kind: string; id: string }) => {
    setBusy(true);
    const result = await apiCall(`/api/projects/${encodeURIComponent(project.uid)}/connections`, {
      method,
      body,
      ifMatch: etag,
    });
    setBusy(false);
    if (result.ok) {
      setNotice({
        tone: "ok",
        text: method === "POST" ? `${body.id} connected.` : `${body.id} disconnected.`,
      });
      setValue("");
      router.refresh();
      return;
    }
    const fields = Object.values(fieldProblemsOf(result.data)).flat();
    setNotice({
      tone: "bad",
      text:
        fields.length > 0
          ? fields.map((f) => f.message).join(" ")
          : reasonOf(result.data, "Not saved."),
    });
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    void change("POST", { kind, id: value.trim() });
  };

  return (
    <section className="la-card" aria-labelledby={`${id}-h`} data-testid="connections">
      <h2 id={`${id}-h`}>Connections</h2>
      {KINDS.map((entry) => {
        const ids = project.connections[entry.field];
        return (
          <div key={entry.kind}>
            <h3 className={styles.legend}>{entry.label}</h3>
            {ids.length === 0 ? (
              <p className="la-muted">None</p>
            ) : (
              <ul className={styles.list}>
                {ids.map((value) => (
                  <li key={value}>
                    <code>{value}</code>
                    <button
                      type="button"
                      className="la-button la-button-secondary"
                      disabled={disabled}
                      aria-describedby={gate.allowed ? undefined : `${id}-reason`}
                      onClick={() => void change("DELETE", { kind: entry.kind, id: value })}
                    >
                      Disconnect<span className={styles.visuallyHidden}> {value}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      <form className={styles.inline} onSubmit={add}>
        <div className={styles.field}>
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            value={kind}
            disabled={disabled}
            onChange={(event) => setKind(event.target.value as typeof kind)}
          >
            {KINDS.map((entry) => (
              <option key={entry.kind} value={entry.kind}>
                {entry.label}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-id`}>{KINDS.find((entry) => entry.kind === kind)?.what}</label>
          <input
            id={`${id}-id`}
            value={value}
            disabled={disabled}
            onChange={(event) => setValue(event.target.value)}
          />
        </div>
        <button type="submit" className="la-button" disabled={disabled || value.trim() === ""}>
          Connect
        </button>
      </form>
      <GateReason gate={gate} id={`${id}-reason`} />
      <FormNotice notice={notice} />
    </section>
  );
}
