import { createLogger, type Logger } from "@lytics-access/http";

export type { Logger };

/**
 * The package's default logger: JSON to stdout, warnings and up, every field of the HTTP core's
 * redaction list blanked.
 */
export function createContentstackLogger(
  options: { level?: string; destination?: NodeJS.WritableStream } = {},
): Logger {
  return createLogger({ name: "contentstack", ...options });
}
