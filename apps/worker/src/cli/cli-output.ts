/** Where a command writes: stdout for results, stderr for progress. Tests pass their own. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

/** Epoch ms as ISO 8601, or a dash. */
export const isoTime = (ms: number | undefined): string =>
  ms === undefined ? "-" : new Date(ms).toISOString();
