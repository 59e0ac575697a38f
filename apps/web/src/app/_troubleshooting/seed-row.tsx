import {
  SEED_TROUBLESHOOTING,
  type TroubleshootingCase,
} from "@/lib/server/troubleshooting/seed-answers";

import styles from "./troubleshooting.module.css";

/** Seed 000's row for this case, as the documentation words it. */
export function SeedRow({ which }: { which: TroubleshootingCase }) {
  const row = SEED_TROUBLESHOOTING[which];
  return (
    <div className={styles.seed} data-testid="seed-row">
      <div>
        <strong>Cause:</strong> {row.cause}
      </div>
      <div>
        <strong>Resolution:</strong> {row.resolution}
      </div>
    </div>
  );
}
