// The worker's settings as `npm start` made them, written to the local data directory so the
// operator command can be pointed at the running local system
// (`npx lytics-access --settings-file .local/worker.env status`). It holds the local keyring, so it is
// the owner's alone (0600), like secrets.json beside it. Rewritten on every start: Redis's port
// changes from one start to the next.
import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";

/** One `KEY='value'` line per setting; single quotes keep a JSON value (the keyring) whole. */
export function workerEnvFileText(settings: Readonly<Record<string, string>>): string {
  return Object.entries(settings)
    .map(([key, value]) => {
      if (value.includes("'") || /[\r\n]/.test(value))
        throw new Error(`${key} cannot be written to an env file (quote or line break)`);
      return `${key}='${value}'`;
    })
    .join("\n")
    .concat("\n");
}

/** Writes `<dataDir>/worker.env` and returns its path. */
export function writeWorkerEnvFile(
  dataDir: string,
  settings: Readonly<Record<string, string>>,
): string {
  const file = path.join(dataDir, "worker.env");
  writeFileSync(file, workerEnvFileText(settings), { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}
