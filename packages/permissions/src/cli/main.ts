// Process entry of `lytics-access-explain` (loaded by bin/lytics-access-explain.mjs through tsx).
// The only file that touches process I/O; the logic lives in run-cli.ts and json-lines.ts.
import { createInterface } from "node:readline";
import { answerJsonLine } from "./json-lines";
import { runCli } from "./run-cli";

async function streamJson(): Promise<number> {
  // Answer each line as it arrives, so a long-running producer can pipe queries in.
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  let failed = false;
  for await (const line of lines) {
    lineNumber += 1;
    const answer = answerJsonLine(line, lineNumber);
    if (!answer) continue;
    if (!answer.ok) failed = true;
    process.stdout.write(`${answer.text}\n`);
  }
  return failed ? 1 : 0;
}

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === "--json") {
  process.exitCode = await streamJson();
} else {
  const result = runCli(argv);
  for (const line of result.stdout) process.stdout.write(`${line}\n`);
  for (const line of result.stderr) process.stderr.write(`${line}\n`);
  process.exitCode = result.exitCode;
}
