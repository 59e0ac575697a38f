import { explain } from "../explain/explain";
import { parseExplainQuery } from "../explain/explain-query";

/** The answer to one stdin line in `--json` mode. */
export interface JsonLineAnswer {
  /** One line of JSON, without the newline. */
  readonly text: string;
  readonly ok: boolean;
}

function errorLine(message: string): JsonLineAnswer {
  return { text: JSON.stringify({ error: message }), ok: false };
}

/**
 * Answers one line of `--json` input. Every failure (bad JSON, unknown form, unknown role, invalid
 * policy) becomes `{"error": "..."}` on its own line, so the following lines still run.
 * Returns `null` for a blank line, which is skipped.
 *
 * @param lineNumber - 1-based, quoted in error messages.
 */
export function answerJsonLine(line: string, lineNumber: number): JsonLineAnswer | null {
  if (line.trim() === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return errorLine(`line ${lineNumber}: invalid JSON: ${(error as Error).message}`);
  }
  try {
    return { text: JSON.stringify(explain(parseExplainQuery(parsed))), ok: true };
  } catch (error) {
    return errorLine(
      `line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Answers many lines in order: one output line per non-blank input line. The exit code is 1 when
 * any line failed, 0 otherwise.
 */
export function answerJsonLines(lines: readonly string[]): { output: string[]; exitCode: number } {
  const output: string[] = [];
  let failed = false;
  lines.forEach((line, index) => {
    const answer = answerJsonLine(line, index + 1);
    if (!answer) return;
    output.push(answer.text);
    if (!answer.ok) failed = true;
  });
  return { output, exitCode: failed ? 1 : 0 };
}
