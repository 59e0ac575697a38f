import styles from "./projects.module.css";

/** A field's problems under it, when it has any; `id` is what the control's aria-describedby names. */
export function FieldError({
  id,
  text,
  testId,
}: {
  id: string;
  text?: string | null;
  testId?: string;
}) {
  if (!text) return null;
  return (
    <p className={styles.error} id={id} data-testid={testId}>
      {text}
    </p>
  );
}
