/** One field's problems as the route handlers answer them (`{fields: {name: [{code, message}]}}`). */
export type FieldProblems = Readonly<
  Record<string, ReadonlyArray<{ code: string; message: string }>>
>;

export function fieldProblemsOf(data: Record<string, unknown>): FieldProblems {
  const fields = data.fields;
  return typeof fields === "object" && fields !== null ? (fields as FieldProblems) : {};
}

/** The problems of one field, joined for display; null when there are none. */
export function problemText(problems: FieldProblems, ...fields: string[]): string | null {
  const messages = fields.flatMap((field) => (problems[field] ?? []).map((p) => p.message));
  return messages.length > 0 ? messages.join(" ") : null;
}

/** The last day of an `<input type="date">` value, UTC, as epoch ms (a grant lasts the whole day). */
export function endOfDay(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}T23:59:59.999Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
