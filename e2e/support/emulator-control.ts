// The emulators' control API (`/_emulator/`), as the suites use it: what an organization
// administrator does in Contentstack (each change written to its audit log, which the worker
// polls), the Data Activation Layer, token lifetimes and time, and what Lytics holds now.
import type { SystemInfo } from "./system-info";

async function call(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base}/_emulator${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(
      `${method} /_emulator${path} answered ${response.status}: ${await response.text()}`,
    );
  return response.status === 204 ? undefined : response.json();
}

export interface LyticsUserView {
  readonly email: string;
  readonly roles: readonly string[];
}
interface LyticsAccountView {
  readonly aid: number;
  readonly name: string;
  readonly users: readonly LyticsUserView[];
}

export class EmulatorControl {
  constructor(private readonly system: SystemInfo) {}

  private cs(method: string, path: string, body?: unknown) {
    return call(this.system.contentstackUrl, method, path, body);
  }

  /** An Owner removes the person from the organization (their OAuth grants are revoked). */
  removeMember(orgUid: string, email: string): Promise<unknown> {
    return this.cs("DELETE", `/organizations/${orgUid}/members/${encodeURIComponent(email)}`);
  }

  /** An Owner gives the person other organization roles. */
  changeRoles(orgUid: string, email: string, roleUids: string[]): Promise<unknown> {
    return this.cs("PUT", `/organizations/${orgUid}/members/${encodeURIComponent(email)}/roles`, {
      org_roles: roleUids,
    });
  }

  removeDataActivationLayer(orgUid: string): Promise<unknown> {
    return this.cs("DELETE", `/organizations/${orgUid}/data-activation-layer`);
  }

  setTokenTtlSeconds(seconds: number): Promise<unknown> {
    return this.cs("PUT", "/ttls", { tokenTtlSeconds: seconds });
  }

  /** How many calls each Contentstack route has answered. */
  async callCounts(): Promise<Record<string, number>> {
    const { counts } = (await this.cs("GET", "/calls")) as { counts: Record<string, number> };
    return counts;
  }

  /** Calls to Contentstack's OAuth token endpoint (code exchanges and refreshes). */
  async tokenCalls(): Promise<number> {
    const counts = await this.callCounts();
    return Object.entries(counts)
      .filter(([route]) => /^POST \S*token$/.test(route))
      .reduce((sum, [, n]) => sum + n, 0);
  }

  /** Every Lytics account (project) with its users and their roles, as Lytics holds them now. */
  async lyticsAccounts(): Promise<LyticsAccountView[]> {
    const { accounts } = (await call(this.system.lyticsUrl, "GET", "/lytics/store")) as {
      accounts: LyticsAccountView[];
    };
    return accounts;
  }

  /** The person's roles on one Lytics account, or null when they are not on it. */
  async lyticsRoles(aid: number, email: string): Promise<string[] | null> {
    const account = (await this.lyticsAccounts()).find((a) => a.aid === aid);
    const user = account?.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
    return user ? [...user.roles].sort() : null;
  }
}
