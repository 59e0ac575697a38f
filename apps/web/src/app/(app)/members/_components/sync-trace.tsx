import type { TraceLine } from "@/lib/server/members/sync-person";

import styles from "./members.module.css";

const PHASES: Record<string, string> = {
  read: "Read",
  decide: "Decide",
  safety: "Safety",
  write: "Write",
};

/** The sync's step-by-step account of one person's run, in the order things happened. */
export function SyncTrace({ lines }: { lines: readonly TraceLine[] }) {
  if (lines.length === 0) return <p className="la-muted">The run kept no steps for this person.</p>;
  return (
    <ol className={styles.trace} aria-label="Sync steps" data-testid="sync-trace">
      {lines.map((line, index) => (
        <li key={index}>
          <span className={styles.phase}>{PHASES[line.phase] ?? line.phase}</span> {line.text}
        </li>
      ))}
    </ol>
  );
}
