import { pino, type DestinationStream, type Logger } from "pino";

import { serializeError } from "./error-serializer";
import { WORKER_REDACT_PATHS } from "./redact-paths";

export interface WorkerLoggerOptions {
  /** @defaultValue "info" */
  level?: string;
  /** Where lines go. @defaultValue stdout */
  destination?: DestinationStream;
}

/** The worker's structured logger: JSON lines, secrets redacted by path. */
export function createWorkerLogger(options: WorkerLoggerOptions = {}): Logger {
  return pino(
    {
      name: "worker",
      level: options.level ?? "info",
      redact: { paths: [...WORKER_REDACT_PATHS], censor: "[redacted]" },
      // Error objects keep their stable `code`, which is what an operator searches for; a failed
      // Redis command's arguments (a password, on a refused AUTH) are dropped.
      serializers: { err: serializeError },
    },
    options.destination,
  );
}
