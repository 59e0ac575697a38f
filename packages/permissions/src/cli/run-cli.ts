import { explain } from "../explain/explain";
import { parseExplainQuery } from "../explain/explain-query";
import { answerJsonLines } from "./json-lines";
import { formatCatalogue, formatDecision, formatLevel } from "./format-text";
import { queryFromArgs, USAGE } from "./text-query";

/** What one CLI run printed and how it exited. */
export interface CliResult {
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
  readonly exitCode: number;
}

/**
 * The whole CLI, in-process: `argv` without the node and script paths, and stdin as lines (read
 * only with `--json`). `main.ts` streams instead of buffering, with the same per-line logic.
 */
export function runCli(argv: readonly string[], stdinLines: readonly string[] = []): CliResult {
  if (argv.includes("--help") || argv.includes("-h"))
    return { stdout: [USAGE], stderr: [], exitCode: 0 };
  if (argv.includes("--json")) {
    const rest = argv.filter((arg) => arg !== "--json");
    if (rest.length > 0)
      return {
        stdout: [],
        stderr: [`--json reads queries from stdin and takes no other arguments`, USAGE],
        exitCode: 2,
      };
    const { output, exitCode } = answerJsonLines(stdinLines);
    return { stdout: output, stderr: [], exitCode };
  }
  try {
    const query = parseExplainQuery(queryFromArgs(argv));
    switch (query.kind) {
      case "catalogue":
        return { stdout: [formatCatalogue(explain(query))], stderr: [], exitCode: 0 };
      case "level":
        return { stdout: [formatLevel(explain(query))], stderr: [], exitCode: 0 };
      default:
        return { stdout: [formatDecision(query, explain(query))], stderr: [], exitCode: 0 };
    }
  } catch (error) {
    return { stdout: [], stderr: [`error: ${(error as Error).message}`, "", USAGE], exitCode: 2 };
  }
}
