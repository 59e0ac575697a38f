"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";
import type { Gate } from "@/lib/server/projects/project-view";
import type { RoleOption } from "@/lib/server/projects/role-options";

import { FieldError } from "./field-error";
import { endOfDay, fieldProblemsOf, problemText, type FieldProblems } from "./field-problems";
import { FormNotice, type Notice } from "./form-notice";
import { GateReason } from "./gate-reason";
import styles from "./projects.module.css";
import { RolePicker } from "./role-picker";

const splitEmails = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((value) => value.trim())
    .filter(Boolean);

/**
 * Invite people by email with roles and a message, optionally until a date: the access is saved
 * as a grant, which the sync enforces and takes away once the date has passed.
 */
export function InviteForm({
  projectUid,
  gate,
  roles,
}: {
  projectUid: string;
  gate: Gate;
  roles: readonly RoleOption[];
}) {
  const router = useRouter();
  const id = useId();
  const [emails, setEmails] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  const [expiry, setExpiry] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const disabled = !gate.allowed || busy;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    const expiresAt = expiry === "" ? undefined : endOfDay(expiry);
    const result = await apiCall(`/api/projects/${encodeURIComponent(projectUid)}/collaborators`, {
      method: "POST",
      body: {
        emails: splitEmails(emails),
        roles: selected,
        ...(message.trim() ? { message } : {}),
        ...(expiresAt === undefined ? {} : { expiresAt }),
      },
    });
    setBusy(false);
    setProblems(fieldProblemsOf(result.data));
    if (result.ok) {
      const count = Array.isArray(result.data.invited) ? result.data.invited.length : 0;
      const notes = Array.isArray(result.data.notes) ? result.data.notes.map(String) : [];
      setNotice({
        tone: notes.length > 0 ? "bad" : "ok",
        text: [`Invited ${count} ${count === 1 ? "person" : "people"}.`, ...notes].join(" "),
      });
      setEmails("");
      setSelected([]);
      setMessage("");
      setExpiry("");
      router.refresh();
    } else if (result.data.error !== "invalid-fields") {
      setNotice({ tone: "bad", text: reasonOf(result.data, "The invitation was not sent.") });
    }
  };

  const emailError = problemText(problems, "emails");
  const expiryError = problemText(problems, "expiresAt");
  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      aria-describedby={gate.allowed ? undefined : `${id}-reason`}
      data-testid="invite-form"
      noValidate
    >
      <div className={styles.field}>
        <label htmlFor={`${id}-emails`}>Emails</label>
        <textarea
          id={`${id}-emails`}
          rows={2}
          value={emails}
          disabled={disabled}
          onChange={(event) => setEmails(event.target.value)}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={`${id}-emails-hint${emailError ? ` ${id}-emails-error` : ""}`}
        />
        <span className="la-muted" id={`${id}-emails-hint`}>
          One or more, separated by commas or new lines.
        </span>
        <FieldError id={`${id}-emails-error`} text={emailError} />
      </div>
      <RolePicker
        roles={roles}
        selected={selected}
        onChange={setSelected}
        legend="Roles"
        disabled={disabled}
        error={problemText(problems, "roles")}
      />
      <div className={styles.field}>
        <label htmlFor={`${id}-message`}>Message (optional)</label>
        <textarea
          id={`${id}-message`}
          rows={2}
          value={message}
          disabled={disabled}
          onChange={(event) => setMessage(event.target.value)}
        />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-expiry`}>Access ends on (optional)</label>
        <input
          id={`${id}-expiry`}
          type="date"
          value={expiry}
          disabled={disabled}
          onChange={(event) => setExpiry(event.target.value)}
          aria-invalid={expiryError ? true : undefined}
          aria-describedby={`${id}-expiry-hint${expiryError ? ` ${id}-expiry-error` : ""}`}
        />
        <span className="la-muted" id={`${id}-expiry-hint`}>
          After this day the sync removes the access again.
        </span>
        <FieldError id={`${id}-expiry-error`} text={expiryError} />
      </div>
      <div className={styles.actions}>
        <button
          type="submit"
          className="la-button"
          disabled={disabled}
          aria-describedby={gate.allowed ? undefined : `${id}-reason`}
        >
          Invite
        </button>
      </div>
      <GateReason gate={gate} id={`${id}-reason`} />
      <FormNotice notice={notice} />
    </form>
  );
}
