/** What the global setup tells the tests about the running system (env `E2E_SYSTEM`). */
export interface SystemInfo {
  /** The emulated Contentstack: host shell, CMA, OAuth, control API (`http://127.0.0.1:<port>`). */
  readonly contentstackUrl: string;
  /** The emulated Lytics (`http://localhost:<port>`). */
  readonly lyticsUrl: string;
  /** The web app (`http://localhost:<port>`): a different site from the host shell. */
  readonly appUrl: string;
  /** The worker's environment, for its operator command (`lytics-access approve`). */
  readonly workerEnv: Readonly<Record<string, string>>;
}

export function systemInfo(): SystemInfo {
  const raw = process.env.E2E_SYSTEM;
  if (!raw) throw new Error("E2E_SYSTEM is not set: run the suites through playwright.config.ts");
  return JSON.parse(raw) as SystemInfo;
}
