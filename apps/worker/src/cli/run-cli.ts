// `lytics-access <command> …`: argument parsing (node:util parseArgs, strict), dispatch, and the
// one rule for failures: a single line on stderr and a non-zero exit (2 usage or settings, 1 a
// command that failed). Messages come from our own errors or the clients' (which carry no token).
import { parseArgs } from "node:util";

import { applyCommand } from "./commands/apply-command";
import { approveCommand } from "./commands/approve-command";
import { auditExportCommand } from "./commands/audit-export-command";
import { disconnectCommand } from "./commands/disconnect-command";
import { planCommand } from "./commands/plan-command";
import { statusCommand } from "./commands/status-command";
import { syncPersonCommand } from "./commands/sync-person-command";
import type { CliCommand } from "./cli-command";
import { CliError } from "./cli-error";
import type { CliOutput } from "./cli-output";
import { CLI_PREFIX_ENV, openCliRuntime, type CliRuntime } from "./cli-runtime";
import { SETTINGS_FILE_OPTION, takeSettingsFileOption, withSettingsFile } from "./settings-file";

export const CLI_NAME = "lytics-access";

export const COMMANDS: readonly CliCommand[] = [
  planCommand,
  applyCommand,
  syncPersonCommand,
  statusCommand,
  approveCommand,
  auditExportCommand,
  disconnectCommand,
];

export function usageText(): string {
  const width = Math.max(...COMMANDS.map((command) => command.usage.length));
  return [
    `Usage: npx ${CLI_NAME} [${SETTINGS_FILE_OPTION} <file>] <command> [options]`,
    "",
    "Operator commands for the lytics-access sync worker (plan, apply, status, approve, audit export).",
    "",
    "Commands:",
    ...COMMANDS.map((command) =>
      command.usage.length > 60
        ? `  ${command.usage}\n  ${"".padEnd(Math.min(width, 60))}  ${command.summary}`
        : `  ${command.usage.padEnd(Math.min(width, 60))}  ${command.summary}`,
    ),
    "",
    "Settings are the worker's own, from the environment (see apps/worker/README.md), or from a",
    `dotenv file given first with ${SETTINGS_FILE_OPTION} (the environment wins); \`npm start\` writes .local/worker.env.`,
    "  REDIS_URL, STORE_KEYRING, CONTENTSTACK_APP_UID, CONTENTSTACK_CLIENT_ID, CONTENTSTACK_CLIENT_SECRET,",
    "  CONTENTSTACK_REDIRECT_URI, and the region or base-URL overrides; MAX_REMOVAL_SHARE for plan.",
    `  ${CLI_PREFIX_ENV.queue} / ${CLI_PREFIX_ENV.store}: only for a worker started with other key prefixes.`,
    "",
    "Exit status: 0 done, 1 the command failed, 2 bad usage or settings.",
    `Run \`npx ${CLI_NAME} <command> --help\` for one command.`,
  ].join("\n");
}

/** One line, whatever the error held. */
export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, "; ").trim();
}

function findCommand(argv: readonly string[]): { command: CliCommand; rest: string[] } {
  const [first = "", second = ""] = argv;
  if (first === "audit") {
    if (second !== "export")
      throw new CliError(
        `unknown command "${`audit ${second}`.trim()}"; did you mean "audit export"?`,
        "usage",
      );
    return { command: auditExportCommand, rest: argv.slice(2) };
  }
  const command = COMMANDS.find((candidate) => candidate.name === first);
  if (!command)
    throw new CliError(
      `unknown command "${first}"; run \`${CLI_NAME} --help\` for the list`,
      "usage",
    );
  return { command, rest: argv.slice(1) };
}

function parseFor(command: CliCommand, rest: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliError(
      `${command.name}: ${error instanceof Error ? error.message : String(error)}; usage: ${CLI_NAME} ${command.usage}`,
      "usage",
    );
  }
  return parsed;
}

export interface RunCliOptions {
  readonly env?: Record<string, string | undefined>;
  /** Opens the runtime; tests may pass their own. */
  readonly openRuntime?: (env: Record<string, string | undefined>) => CliRuntime;
}

/** Reports a failure as one line on stderr; returns the exit status. */
function report(error: unknown, output: CliOutput): number {
  if (error instanceof CliError) {
    output.err(`${CLI_NAME}: ${oneLine(error.message)}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  output.err(`${CLI_NAME}: ${oneLine(message)}${typeof code === "string" ? ` [${code}]` : ""}`);
  return 1;
}

/** Runs one command line; returns the exit status. */
export async function runCli(
  commandLine: readonly string[],
  output: CliOutput,
  options: RunCliOptions = {},
): Promise<number> {
  let argv: readonly string[];
  let env = options.env ?? process.env;
  try {
    const taken = takeSettingsFileOption(commandLine);
    argv = taken.rest;
    if (taken.file !== undefined) env = withSettingsFile(env, taken.file);
  } catch (error) {
    return report(error, output);
  }
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    output.out(usageText());
    return argv.length === 0 ? 2 : 0;
  }
  let runtime: CliRuntime | undefined;
  try {
    const { command, rest } = findCommand(argv);
    const parsed = parseFor(command, rest);
    if (parsed.values.help) {
      output.out(`Usage: npx ${CLI_NAME} ${command.usage}\n\n${command.summary}`);
      return 0;
    }
    const { min, max } = command.positionals;
    if (parsed.positionals.length < min || parsed.positionals.length > max)
      throw new CliError(
        `${command.name}: expected ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? "" : "s"}; usage: ${CLI_NAME} ${command.usage}`,
        "usage",
      );
    runtime = (options.openRuntime ?? openCliRuntime)(env);
    await command.run({ positionals: parsed.positionals, values: parsed.values }, runtime, output);
    return 0;
  } catch (error) {
    return report(error, output);
  } finally {
    await runtime?.close();
  }
}
