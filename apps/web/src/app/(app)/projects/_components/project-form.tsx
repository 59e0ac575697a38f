"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";
import type { Gate } from "@/lib/server/projects/project-view";

import { FieldError } from "./field-error";
import { fieldProblemsOf, problemText, type FieldProblems } from "./field-problems";
import { FormNotice, type Notice } from "./form-notice";
import { GateReason } from "./gate-reason";
import styles from "./projects.module.css";

interface Values {
  name: string;
  domain: string;
  description: string;
}

type Props =
  | { mode: "create"; gate: Gate }
  | { mode: "edit"; gate: Gate; projectUid: string; etag: string; initial: Values };

const FIELDS = [
  { key: "name", label: "Name", hint: "Unique in the organization." },
  {
    key: "domain",
    label: "Domain",
    hint: "The website the project collects data from, e.g. www.example.com.",
  },
  { key: "description", label: "Description", hint: "Optional." },
] as const;

/**
 * Create a project, or edit its name, description and domain. The API's field errors (required,
 * too long, name taken) show beside their field; a save made on an outdated version is refused
 * by the server (409) and the person is offered the current one.
 */
export function ProjectForm(props: Props) {
  const router = useRouter();
  const id = useId();
  const initial = props.mode === "edit" ? props.initial : { name: "", domain: "", description: "" };
  const [values, setValues] = useState<Values>(initial);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const disabled = !props.gate.allowed || busy;
  const reasonId = `${id}-reason`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    const result =
      props.mode === "create"
        ? await apiCall("/api/projects", { method: "POST", body: values })
        : await apiCall(`/api/projects/${encodeURIComponent(props.projectUid)}`, {
            method: "PUT",
            body: values,
            ifMatch: props.etag,
          });
    setBusy(false);
    setProblems(fieldProblemsOf(result.data));
    if (result.ok) {
      setNotice({ tone: "ok", text: props.mode === "create" ? "Project created." : "Saved." });
      if (props.mode === "create") {
        setValues({ name: "", domain: "", description: "" });
        const project = result.data.project as { uid?: string } | undefined;
        if (project?.uid) router.push(`/projects/${encodeURIComponent(project.uid)}`);
      }
      router.refresh();
      return;
    }
    if (result.status === 409)
      setNotice({
        tone: "warn",
        text: reasonOf(
          result.data,
          "Someone else changed this project. Reload to see their version.",
        ),
      });
    else if (result.data.error !== "invalid-fields")
      setNotice({ tone: "bad", text: reasonOf(result.data, "The project could not be saved.") });
  };

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      aria-describedby={props.gate.allowed ? undefined : reasonId}
      data-testid={`project-form-${props.mode}`}
      noValidate
    >
      {FIELDS.map((field) => {
        const inputId = `${id}-${field.key}`;
        const error = problemText(problems, field.key);
        const describedBy = [`${inputId}-hint`, error ? `${inputId}-error` : null]
          .filter(Boolean)
          .join(" ");
        const common = {
          id: inputId,
          name: field.key,
          value: values[field.key],
          disabled,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
          onChange: (event: { target: { value: string } }) =>
            setValues((current) => ({ ...current, [field.key]: event.target.value })),
        };
        return (
          <div className={styles.field} key={field.key}>
            <label htmlFor={inputId}>{field.label}</label>
            {field.key === "description" ? (
              <textarea rows={2} {...common} />
            ) : (
              <input type="text" {...common} />
            )}
            <span className="la-muted" id={`${inputId}-hint`}>
              {field.hint}
            </span>
            <FieldError id={`${inputId}-error`} text={error} testId={`error-${field.key}`} />
          </div>
        );
      })}
      <div className={styles.actions}>
        <button
          type="submit"
          className="la-button"
          disabled={disabled}
          aria-describedby={props.gate.allowed ? undefined : reasonId}
        >
          {props.mode === "create" ? "Create project" : "Save changes"}
        </button>
        {notice?.tone === "warn" ? (
          <button
            type="button"
            className="la-button la-button-secondary"
            onClick={() => router.refresh()}
          >
            Reload
          </button>
        ) : null}
      </div>
      <GateReason gate={props.gate} id={reasonId} />
      <FormNotice notice={notice} testId="form-notice" />
    </form>
  );
}
