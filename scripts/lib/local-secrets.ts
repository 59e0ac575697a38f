// Local mode's own secrets (`npm start`): the store keyring that encrypts tokens at rest and the
// operator token of the worker's queue view. Made once with node:crypto and kept under the local
// data directory (mode 0600), so a restart can still decrypt what the last run stored. Production
// passes its own STORE_KEYRING and OPERATOR_TOKEN; nothing here is ever used there.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { z } from "zod";

const localSecretsSchema = z.object({
  keyring: z.object({
    currentKeyId: z.string().min(1),
    keys: z.record(z.string(), z.string().min(1)),
  }),
  operatorToken: z.string().min(16),
});

export interface LocalSecrets {
  /** The keyring as the worker's STORE_KEYRING expects it (JSON). */
  keyring: string;
  operatorToken: string;
  /** Where they are kept. */
  file: string;
}

/** Reads the local secrets, making them on first use. */
export function loadLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const fresh = {
      keyring: { currentKeyId: "local-1", keys: { "local-1": randomBytes(32).toString("base64") } },
      operatorToken: randomBytes(24).toString("base64url"),
    };
    writeFileSync(file, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  }
  const parsed = localSecretsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(`${file} is not a valid local secrets file; delete it to make a new one`);
  return {
    keyring: JSON.stringify(parsed.data.keyring),
    operatorToken: parsed.data.operatorToken,
    file,
  };
}
