import { CliError } from "./cli-error";

// The same rule as the queue payloads' (queues/payloads.ts): checked before anything is opened.
const ORG_UID = /^[A-Za-z0-9_.-]{1,128}$/;

export function checkOrgUid(value: string): string {
  if (!ORG_UID.test(value))
    throw new CliError(`"${value.slice(0, 40)}" is not a Contentstack organization uid`, "usage");
  return value;
}

/** `--timeout <seconds>` as milliseconds. */
export function timeoutMs(value: string | undefined, fallbackSeconds = 120): number {
  if (value === undefined) return fallbackSeconds * 1000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new CliError("--timeout must be a positive number of seconds", "usage");
  return Math.round(seconds * 1000);
}
