import { createLogger, type Logger } from "@lytics-access/http";

/** A pino logger with the HTTP core's redaction list, named `lytics`. @defaultValue level "info" */
export function createLyticsLogger(
  options: { level?: string } = {},
  destination?: NodeJS.WritableStream,
): Logger {
  return createLogger({
    name: "lytics",
    level: options.level ?? "info",
    ...(destination ? { destination } : {}),
  });
}
