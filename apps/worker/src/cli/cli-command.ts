import type { ParseArgsConfig } from "node:util";

import type { CliOutput } from "./cli-output";
import type { CliRuntime } from "./cli-runtime";

/** What a command receives after its arguments were parsed (node:util parseArgs). */
export interface CommandArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | string[] | boolean[] | undefined>>;
}

/** One operator command: its usage line, its options, and what it does. */
export interface CliCommand {
  readonly name: string;
  /** `plan <orgUid> [--json]` */
  readonly usage: string;
  readonly summary: string;
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  /** Positional arguments required, and allowed at most. */
  readonly positionals: { readonly min: number; readonly max: number };
  run(args: CommandArgs, runtime: CliRuntime, output: CliOutput): Promise<void>;
}

export const stringOption = (args: CommandArgs, name: string): string | undefined => {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
};

export const flag = (args: CommandArgs, name: string): boolean => args.values[name] === true;

export const arg = (args: CommandArgs, index: number): string => args.positionals[index] ?? "";
