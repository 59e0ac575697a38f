// pino's error serializer, minus what a failed Redis command carries: ioredis puts the command on
// its reply errors (`err.command = { name, args }`), and the args of the handshake are
// `HELLO 3 AUTH <user> <password>` (or `AUTH <password>`), so a refused password, or a disabled
// Redis user, would put the password in the log line. Other commands' args are store payloads
// (a held plan, an audit entry): no use in a log and possibly large. The command's name stays.
import { pino } from "pino";

const MAX_DEPTH = 8;

function scrub(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === "command" && typeof field === "object" && field !== null && "args" in field) {
      const name = (field as { name?: unknown }).name;
      out[key] = { name: typeof name === "string" ? name : "unknown", args: "[redacted]" };
    } else out[key] = scrub(field, depth + 1);
  }
  return out;
}

/** Serializes an error as pino does, with every nested failed command's arguments redacted. */
export function serializeError(error: unknown): unknown {
  const serialized: unknown =
    error instanceof Error ? pino.stdSerializers.err(error) : (error as unknown);
  return scrub(serialized, 0);
}
