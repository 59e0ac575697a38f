// `lytics-access --settings-file <file> <command> …`: the worker's settings from a dotenv file, as
// `node --env-file` reads one (for example the `.local/worker.env` that `npm start` writes for
// the local system). The environment wins over the file, as with Node's own flag.
import { readFileSync } from "node:fs";
import { parseEnv } from "node:util";

import { CliError } from "./cli-error";

// Not `--env-file`: Node 20 takes that flag for itself wherever it stands on the command line.
export const SETTINGS_FILE_OPTION = "--settings-file";

/** Splits a leading `--settings-file <file>` (or `--settings-file=<file>`) off the command line. */
export function takeSettingsFileOption(argv: readonly string[]): {
  file: string | undefined;
  rest: readonly string[];
} {
  const [first = "", second] = argv;
  if (first.startsWith(`${SETTINGS_FILE_OPTION}=`))
    return { file: first.slice(SETTINGS_FILE_OPTION.length + 1), rest: argv.slice(1) };
  if (first !== SETTINGS_FILE_OPTION) return { file: undefined, rest: argv };
  if (second === undefined || second.startsWith("-"))
    throw new CliError(
      `${SETTINGS_FILE_OPTION} needs a file: ${SETTINGS_FILE_OPTION} <file> <command>`,
      "usage",
    );
  return { file: second, rest: argv.slice(2) };
}

/** The settings of `file` under those of `env`; a file that cannot be read is a usage error. */
export function withSettingsFile(
  env: Readonly<Record<string, string | undefined>>,
  file: string,
): Record<string, string | undefined> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliError(
      `cannot read ${SETTINGS_FILE_OPTION} ${file}: ${code === "ENOENT" ? "no such file" : String(code ?? error)}`,
      "usage",
    );
  }
  const fromFile = parseEnv(text);
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined),
  );
  return { ...fromFile, ...defined };
}
