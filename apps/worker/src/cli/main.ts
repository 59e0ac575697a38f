// Process entry of `lytics-access` (loaded by bin/lytics-access.mjs through tsx). The only file
// that touches the process: argv in, exit status out. Exits explicitly, because a BullMQ or
// ioredis handle left half-closed after an error must not keep the command hanging.
import { processOutput } from "./cli-output";
import { runCli } from "./run-cli";

const status = await runCli(process.argv.slice(2), processOutput);
process.exitCode = status;
// Let stdout drain (a large CSV piped to a file), then exit.
process.stdout.write("", () => process.exit(status));
