import { pino, type DestinationStream, type Logger } from "pino";
import { REDACT_PATHS } from "./redaction";

export type { Logger };

export interface CreateLoggerOptions {
  /** The `name` field of every line. */
  name?: string;
  /** @defaultValue "warn" */
  level?: string;
  /** @defaultValue stdout */
  destination?: DestinationStream | NodeJS.WritableStream;
}

/** A pino logger that blanks every {@link REDACT_PATHS} field. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const base = {
    ...(options.name === undefined ? {} : { name: options.name }),
    level: options.level ?? "warn",
    redact: { paths: [...REDACT_PATHS], censor: "[redacted]" },
  };
  return options.destination ? pino(base, options.destination as DestinationStream) : pino(base);
}

// A library should not write to stdout unless asked to.
let silent: Logger | undefined;

/** The logger used when the caller gives none and wants no output. */
export function silentLogger(): Logger {
  silent ??= pino({ level: "silent" });
  return silent;
}
