"use client";

import type { PlanDiff } from "@lytics-access/sync";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";

import { PlanDiffView, type SafetyNote } from "@/app/(app)/sync/_components/plan-diff-view";
import { apiCall, reasonOf } from "@/lib/client/api-call";
import type { PolicyView } from "@/lib/server/policy/policy-view";

import { issuesAt, type FieldIssue } from "./field-issues";
import styles from "./policy.module.css";

type Message = { tone: "ok" | "warn" | "bad"; text: string };

const TONE = { ok: "la-notice-info", warn: "la-notice-warn", bad: "la-notice-bad" } as const;

function FieldErrors({ id, issues }: { id: string; issues: readonly FieldIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul id={id} className={styles.error} data-testid={id}>
      {issues.map((issue) => (
        <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
      ))}
    </ul>
  );
}

/**
 * The mapping policy editor (DESIGN §3.1): the Lytics roles each access level writes and the
 * levels Members may be granted. "Preview changes" shows what the sync would change under the
 * edit (its dry run) and Save is offered only for the edit that was previewed; every issue the
 * server finds is shown beside its field. Admins see it read-only, with why.
 */
export function PolicyForm({
  view,
  canEdit,
  editRefusal,
}: {
  view: Pick<PolicyView, "policy" | "levels" | "roles" | "memberGrantableCandidates">;
  canEdit: boolean;
  editRefusal?: string | undefined;
}) {
  const router = useRouter();
  const [roles, setRoles] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(
      view.levels.map((level) => [
        level.id,
        [...(view.policy.levels[level.id as keyof typeof view.policy.levels]?.roles ?? [])],
      ]),
    ),
  );
  const [grantable, setGrantable] = useState<string[]>([...view.policy.memberGrantableLevels]);
  const [note, setNote] = useState("");
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [preview, setPreview] = useState<{
    key: string;
    plan: PlanDiff;
    safety: SafetyNote[];
    causedByEdit: string[];
  } | null>(null);
  const [busy, setBusy] = useState<"preview" | "save" | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  const edit = useMemo(
    () => ({
      levels: Object.fromEntries(
        Object.entries(roles).map(([level, list]) => [level, { roles: list }]),
      ),
      memberGrantableLevels: grantable,
      ...(note.trim() ? { note: note.trim() } : {}),
    }),
    [roles, grantable, note],
  );
  const key = JSON.stringify(edit);
  const previewed = preview?.key === key;

  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

  function takeIssues(data: Record<string, unknown>): boolean {
    if (!Array.isArray(data.issues)) return false;
    setIssues(data.issues as FieldIssue[]);
    setMessage({ tone: "bad", text: "The policy has problems; each is shown beside its field." });
    return true;
  }

  async function runPreview(event?: FormEvent) {
    event?.preventDefault();
    setBusy("preview");
    setMessage(null);
    setIssues([]);
    const result = await apiCall("/api/policy/preview", { method: "POST", body: edit });
    setBusy(null);
    if (result.ok) {
      const data = result.data as unknown as {
        plan: PlanDiff;
        safety: SafetyNote[];
        causedByEdit?: string[];
      };
      setPreview({ key, ...data, causedByEdit: data.causedByEdit ?? [] });
      return;
    }
    setPreview(null);
    if (!takeIssues(result.data))
      setMessage({ tone: "bad", text: reasonOf(result.data, "The preview failed.") });
  }

  async function save() {
    setBusy("save");
    setMessage(null);
    const result = await apiCall("/api/policy", {
      method: "PUT",
      body: { ...edit, expectedVersion: view.policy.version },
    });
    setBusy(null);
    if (result.ok) {
      const saved = result.data as { policy?: { version?: number }; syncJobId?: string | null };
      setPreview(null);
      setNote("");
      setMessage({
        tone: "ok",
        text: `Saved as version ${saved.policy?.version ?? "?"}.${saved.syncJobId ? " A sync is taking it to Lytics now." : ` ${reasonOf(result.data, "")}`}`,
      });
      router.refresh();
      return;
    }
    if (result.status === 409) {
      setMessage({ tone: "warn", text: reasonOf(result.data, "Someone saved first.") });
      return;
    }
    if (!takeIssues(result.data))
      setMessage({ tone: "bad", text: reasonOf(result.data, "The policy could not be saved.") });
  }

  const grantableIssues = issuesAt(issues, "memberGrantableLevels");
  const shown = new Set<FieldIssue>([
    ...view.levels.flatMap((level) => issuesAt(issues, `levels.${level.id}`)),
    ...grantableIssues,
  ]);
  const otherIssues = issues.filter((issue) => !shown.has(issue));

  return (
    <form onSubmit={(event) => void runPreview(event)} aria-label="Mapping policy" noValidate>
      {!canEdit ? (
        <p className="la-notice la-notice-info" data-testid="policy-read-only">
          {editRefusal ?? "Only the organization's Owner may change the mapping policy."}
        </p>
      ) : null}
      <fieldset disabled={!canEdit || busy !== null} className={styles.fieldset}>
        <legend>Lytics roles each access level writes (version {view.policy.version})</legend>
        <div className={styles.levels}>
          {view.levels.map((level) => {
            const levelIssues = issuesAt(issues, `levels.${level.id}`);
            const errorId = `policy-error-${level.id}`;
            return (
              <fieldset
                key={level.id}
                className={`${styles.fieldset} ${levelIssues.length > 0 ? styles.invalid : ""}`}
                aria-describedby={levelIssues.length > 0 ? errorId : undefined}
                data-testid={`level-${level.id}`}
              >
                <legend>{level.label}</legend>
                {view.roles.map((role) => (
                  <label key={role.slug} className={styles.option}>
                    <input
                      type="checkbox"
                      checked={roles[level.id]?.includes(role.slug) ?? false}
                      onChange={() =>
                        setRoles((current) => ({
                          ...current,
                          [level.id]: toggle(current[level.id] ?? [], role.slug),
                        }))
                      }
                    />
                    {role.name} <span className="la-muted">({role.slug})</span>
                  </label>
                ))}
                <FieldErrors id={errorId} issues={levelIssues} />
              </fieldset>
            );
          })}
        </div>
        <fieldset
          className={`${styles.fieldset} ${styles.section} ${grantableIssues.length > 0 ? styles.invalid : ""}`}
          aria-describedby={grantableIssues.length > 0 ? "policy-error-grantable" : undefined}
          data-testid="member-grantable"
        >
          <legend>Levels an Owner or Admin may grant a Member</legend>
          {view.memberGrantableCandidates.map((id) => (
            <label key={id} className={styles.option}>
              <input
                type="checkbox"
                checked={grantable.includes(id)}
                onChange={() => setGrantable((current) => toggle(current, id))}
              />
              {view.levels.find((level) => level.id === id)?.label ?? id}
            </label>
          ))}
          <FieldErrors id="policy-error-grantable" issues={grantableIssues} />
        </fieldset>
        <label className={styles.note}>
          Why (kept with the version and in the audit log)
          <textarea value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </label>
      </fieldset>
      <FieldErrors id="policy-error-other" issues={otherIssues} />
      {canEdit ? (
        <div className="la-actions">
          <button
            type="submit"
            className="la-button la-button-secondary"
            disabled={busy !== null}
            data-testid="policy-preview"
          >
            {busy === "preview" ? "Planning…" : "Preview changes"}
          </button>
          <button
            type="button"
            className="la-button"
            disabled={!previewed || busy !== null}
            onClick={() => void save()}
            data-testid="policy-save"
          >
            {busy === "save" ? "Saving…" : "Save"}
          </button>
          {!previewed ? (
            <span className="la-muted">Preview the changes first; Save applies what you saw.</span>
          ) : null}
        </div>
      ) : null}
      <div aria-live="polite" className={styles.section} data-testid="policy-message">
        {message ? <p className={`la-notice ${TONE[message.tone]}`}>{message.text}</p> : null}
        {preview && previewed ? (
          <>
            <h2>What saving this policy would change</h2>
            <PlanDiffView
              plan={preview.plan}
              safety={preview.safety}
              fromEdit={preview.causedByEdit}
              label="Under the edit"
            />
          </>
        ) : null}
      </div>
    </form>
  );
}
