import type { DalGate } from "@/lib/server/connect/dal-gate";
import { contactsText } from "@/lib/server/connect/org-contacts";

import styles from "./connect.module.css";

/** Seed 000: nothing in Data & Insights works until an Owner or Admin creates the DAL. */
export function DalCard({ gate }: { gate: DalGate }) {
  if (gate.status === "ready") return null;
  if (gate.status === "unknown")
    return (
      <p className="la-notice la-notice-warn" data-testid="dal-unknown">
        {gate.reason}
      </p>
    );
  return (
    <section className={`la-card ${styles.wide}`} aria-labelledby="h-dal" data-testid="dal-missing">
      <h2 id="h-dal">Data Activation Layer needed</h2>
      <p>
        Before anyone can use Data &amp; Insights, an organization Owner or Admin must create the
        organization&apos;s Data Activation Layer. Its Data &amp; Insights account is generated from
        it.
      </p>
      {gate.canCreate ? (
        <>
          <ol className={styles.steps}>
            <li>
              Open <strong>Organization settings → Data Activation Layer</strong>.
            </li>
            <li>Accept the data privacy terms, give it a title and your website&apos;s domain.</li>
            <li>
              Choose <strong>+ New DAL Configuration</strong>, then come back here.
            </li>
          </ol>
          {gate.createUrl ? (
            <p className={styles.actions}>
              <a className="la-button" href={gate.createUrl} target="_top" data-testid="dal-create">
                Create the Data Activation Layer
              </a>
            </p>
          ) : null}
        </>
      ) : (
        <p data-testid="dal-ask">
          Only an Owner or Admin can create it. Ask {contactsText(gate.contacts)}.
        </p>
      )}
    </section>
  );
}
