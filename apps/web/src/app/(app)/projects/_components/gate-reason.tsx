import type { Gate } from "@/lib/server/projects/project-view";

import styles from "./projects.module.css";

/**
 * Why a control is disabled: the refusal's first reason from packages/permissions, tied to the
 * control by `id` (its `aria-describedby`), with the rule id for anyone comparing with DESIGN §3.3.
 */
export function GateReason({ gate, id }: { gate: Gate; id: string }) {
  if (gate.allowed) return null;
  return (
    <p className={styles.reason} id={id} data-testid={id} data-rule={gate.rule}>
      {gate.reasons[0] ?? "Not allowed."}
    </p>
  );
}
