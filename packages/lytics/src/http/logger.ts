import { pino, type DestinationStream, type Logger, type LoggerOptions } from "pino";

/**
 * Paths pino blanks out. The clients never put credentials in log records; this is the second
 * line of defence for callers who log our options or errors next to their own fields.
 */
export const LYTICS_LOG_REDACT_PATHS: readonly string[] = [
  "authorization",
  "authtoken",
  "apiToken",
  "accessToken",
  "token",
  "headers.authorization",
  "headers.authtoken",
  "*.authorization",
  "*.authtoken",
  "*.apiToken",
  "*.accessToken",
  "*.token",
];

/** A pino logger with {@link LYTICS_LOG_REDACT_PATHS} redacted. */
export function createLyticsLogger(
  options: LoggerOptions = {},
  destination?: DestinationStream,
): Logger {
  const redact = { paths: [...LYTICS_LOG_REDACT_PATHS], censor: "[redacted]" };
  return destination ? pino({ ...options, redact }, destination) : pino({ ...options, redact });
}

// A library should not write to stdout unless asked to.
let silent: Logger | undefined;

/** The logger used when the caller gives none: silent. */
export function silentLogger(): Logger {
  silent ??= pino({ level: "silent" });
  return silent;
}
