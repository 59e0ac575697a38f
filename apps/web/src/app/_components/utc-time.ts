// Times as the pages show them: British English, always in UTC, so the server-rendered text, the
// browser's and every viewer's agree whatever their time zone.

/** A day, e.g. "31 Dec 2026". */
export const dayText = (ms: number): string =>
  new Date(ms).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** A day and minute, marked UTC, e.g. "31 Dec 2026, 23:59 UTC". */
export const dateTimeText = (ms: number): string =>
  new Date(ms).toLocaleString("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }) + " UTC";
