// Starts the whole system once for every suite (support/start-system.ts, in its own process so it
// runs exactly as `npm start`'s launcher does, under tsx) and stops it after the last test.
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

const root = path.resolve(import.meta.dirname, "..", "..");
/** A cold `next build` on two busy cores, plus everything else starting. */
const START_TIMEOUT_MS = 300_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  const child = spawn(
    path.join(root, "node_modules", ".bin", "tsx"),
    [path.join(root, "e2e", "support", "start-system.ts")],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"], env: process.env },
  );
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the system did not start within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      if (line.startsWith("E2E_SYSTEM ")) {
        clearTimeout(timer);
        resolve(line.slice("E2E_SYSTEM ".length));
      } else console.log(line);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the system stopped while starting (exit ${code})`));
    });
  });
  try {
    process.env.E2E_SYSTEM = await ready;
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  return async () => {
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    await exited;
  };
}
