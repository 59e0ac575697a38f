// For test files only (it registers vitest hooks): one emulator per file, put back to its fixture
// through the shared control plane before every test.
import { afterAll, beforeAll, beforeEach } from "vitest";

import { CONTROL_PREFIX } from "../shared/control-plane";

interface RunningEmulator {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts `start()` once for the test file, resets it before every test and closes it after the
 * last. `use` receives the running emulator (vitest hooks can only hand it over that way).
 */
export function useFreshEmulator<T extends RunningEmulator>(
  start: () => Promise<T>,
  use: (emulator: T) => void,
): void {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
    use(started);
  });
  afterAll(async () => started?.close());
  beforeEach(async () => {
    if (!started) return;
    const response = await fetch(`${started.url}${CONTROL_PREFIX}/reset`, { method: "POST" });
    if (!response.ok) throw new Error(`emulator reset failed with HTTP ${response.status}`);
  });
}
