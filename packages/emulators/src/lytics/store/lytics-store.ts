// The Lytics world in memory. One store serves both surfaces: Management API collaborators and v2
// account users are the same records, because a Lytics project IS a Lytics account. Users are
// global (one record per email, as in Lytics) and hold a membership per account.
import { createHash, randomBytes } from "node:crypto";

import type { Fixture, FixtureLyticsAccount, FixturePerson } from "../../fixtures/fixture-schema";
import { BASELINE_ROLE } from "./role-catalogue";

export interface LyticsUserRecord {
  id: string;
  email: string;
  name: string;
  cs_user_uid: string | null;
  created: string;
  updated: string;
  last_logon: string | null;
}

export interface AccountMembership {
  /** Stored roles, without the server-added baseline role. */
  roles: string[];
  granted_by: string;
  created: string;
  updated: string;
}

/** What a project is linked to (api-notes Part C1): arrays of ids, possibly empty. */
export interface ProjectConnections {
  stackApiKeys: string[];
  launchProjectUids: string[];
  personalizeProjectUids: string[];
}

export const noConnections = (): ProjectConnections => ({
  stackApiKeys: [],
  launchProjectUids: [],
  personalizeProjectUids: [],
});

/**
 * The Lytics (CDP) organization id of a Contentstack organization, 32 hex characters: from the
 * fixture when it names one, else derived from the organization uid so it is stable.
 */
export function cdpOrgIdFor(organizationUid: string): string {
  return createHash("md5").update(`lytics-org:${organizationUid}`).digest("hex");
}

export interface AccountRecord {
  aid: number;
  /** The CDP account id (32 hex characters): v2 `account_id`, Management API `cdp.accountId`. */
  account_id: string;
  /** The Management API project uid (24 hex characters). */
  project_uid: string;
  organization_uid: string;
  /** The CDP organization id (32 hex characters): Management API `cdp.orgId`. */
  cdp_org_id: string;
  connections: ProjectConnections;
  name: string;
  domain: string;
  description: string;
  owner_uid: string;
  created_at: string;
  updated_at: string;
  /** Who last changed the project (a Contentstack uid): the Management API's `updatedBy`. */
  updated_by: string;
  api_tokens: string[];
  roles_available: string[] | null;
  audiences: FixtureLyticsAccount["audiences"];
  /** userId -> membership. Map order is join order, which listings keep. */
  members: Map<string, AccountMembership>;
}

export class LyticsStore {
  private accountsByAid = new Map<number, AccountRecord>();
  private users = new Map<string, LyticsUserRecord>();
  /** Fixture ids merged into an earlier record of the same email. */
  private aliases = new Map<string, string>();
  /** Lower-cased email -> user id, and the fixture's people by uid and email: large fixtures stay fast. */
  private userIdByEmail = new Map<string, string>();
  private peopleByUid = new Map<string, FixturePerson>();
  private peopleByEmail = new Map<string, FixturePerson>();
  private fixture: Fixture;

  constructor(
    fixture: Fixture,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.fixture = fixture;
    this.load(fixture);
  }

  load(fixture: Fixture): void {
    this.fixture = fixture;
    this.accountsByAid.clear();
    this.users.clear();
    this.aliases.clear();
    this.userIdByEmail.clear();
    this.peopleByUid = new Map(fixture.people.map((person) => [person.uid, person]));
    this.peopleByEmail = new Map(
      fixture.people.map((person) => [person.email.toLowerCase(), person]),
    );
    for (const account of fixture.lytics.accounts) {
      const members = new Map<string, AccountMembership>();
      for (const user of account.users) {
        const existing = this.findUserByEmail(user.email);
        const record =
          existing ??
          this.insertUser(user.id, user.email, user.name, user.cs_user_uid, account.created_at);
        if (existing && existing.id !== user.id) this.aliases.set(user.id, existing.id);
        members.set(record.id, {
          roles: withoutBaseline(user.roles),
          granted_by: account.owner_uid,
          created: account.created_at,
          updated: account.created_at,
        });
      }
      this.accountsByAid.set(account.aid, {
        aid: account.aid,
        account_id: account.account_id,
        project_uid: account.project_uid,
        organization_uid: account.organization_uid,
        name: account.name,
        domain: account.domain,
        description: account.description,
        owner_uid: account.owner_uid,
        cdp_org_id: account.cdp_org_id ?? cdpOrgIdFor(account.organization_uid),
        connections: structuredClone(account.connections),
        created_at: account.created_at,
        updated_at: account.created_at,
        updated_by: account.owner_uid,
        api_tokens: [...account.api_tokens],
        roles_available: account.roles_available ? [...account.roles_available] : null,
        audiences: structuredClone(account.audiences),
        members,
      });
    }
  }

  /** The Contentstack side of the fixture (people, organizations, launch client): read-only here. */
  get world(): Pick<Fixture, "people" | "organizations" | "lytics_launch_client"> {
    return this.fixture;
  }

  personByUid(uid: string): FixturePerson | undefined {
    return this.peopleByUid.get(uid);
  }

  personByEmail(email: string): FixturePerson | undefined {
    return this.peopleByEmail.get(email.toLowerCase());
  }

  accounts(): AccountRecord[] {
    return [...this.accountsByAid.values()];
  }

  accountByAid(aid: number): AccountRecord | undefined {
    return this.accountsByAid.get(aid);
  }

  accountByProjectUid(projectUid: string): AccountRecord | undefined {
    return this.accounts().find((account) => account.project_uid === projectUid);
  }

  accountByToken(token: string): AccountRecord | undefined {
    return this.accounts().find((account) => account.api_tokens.includes(token));
  }

  accountsOfOrganization(organizationUid: string): AccountRecord[] {
    return this.accounts()
      .filter((account) => account.organization_uid === organizationUid)
      .sort((a, b) => a.created_at.localeCompare(b.created_at));
  }

  userById(id: string): LyticsUserRecord | undefined {
    return this.users.get(this.aliases.get(id) ?? id);
  }

  findUserByEmail(email: string): LyticsUserRecord | undefined {
    const id = this.userIdByEmail.get(email.toLowerCase());
    return id === undefined ? undefined : this.users.get(id);
  }

  /** v2 `{id|email}` lookup. */
  findUser(idOrEmail: string): LyticsUserRecord | undefined {
    return idOrEmail.includes("@") ? this.findUserByEmail(idOrEmail) : this.userById(idOrEmail);
  }

  /** The Lytics user of a Contentstack person: by Contentstack uid first, then by email. */
  findUserOfPerson(csUserUid: string, email: string): LyticsUserRecord | undefined {
    for (const user of this.users.values()) if (user.cs_user_uid === csUserUid) return user;
    return this.findUserByEmail(email);
  }

  membersOf(
    account: AccountRecord,
  ): Array<{ user: LyticsUserRecord; membership: AccountMembership }> {
    const rows: Array<{ user: LyticsUserRecord; membership: AccountMembership }> = [];
    for (const [userId, membership] of account.members) {
      const user = this.users.get(userId);
      if (user) rows.push({ user, membership });
    }
    return rows;
  }

  accountsOfUser(userId: string): Array<{ account: AccountRecord; membership: AccountMembership }> {
    const rows: Array<{ account: AccountRecord; membership: AccountMembership }> = [];
    for (const account of this.accountsByAid.values()) {
      const membership = account.members.get(userId);
      if (membership) rows.push({ account, membership });
    }
    return rows;
  }

  /** Finds the user by email or creates it; `created` says which (v2 answers 201 vs 200 on it). */
  ensureUser(input: { email: string; name?: string; cs_user_uid?: string | null }): {
    user: LyticsUserRecord;
    created: boolean;
  } {
    const existing = this.findUserByEmail(input.email);
    if (existing) {
      if (!existing.cs_user_uid && input.cs_user_uid) existing.cs_user_uid = input.cs_user_uid;
      return { user: existing, created: false };
    }
    const name = input.name ?? input.email.split("@")[0] ?? input.email;
    const user = this.insertUser(
      `lu_${randomBytes(6).toString("hex")}`,
      input.email,
      name,
      input.cs_user_uid ?? null,
      this.stamp(),
    );
    return { user, created: true };
  }

  /** Adds the user to the account, or resets their roles when already a member. */
  grant(
    account: AccountRecord,
    userId: string,
    roles: readonly string[],
    grantedBy: string,
  ): AccountMembership {
    const stamp = this.stamp();
    const existing = account.members.get(userId);
    if (existing) {
      existing.roles = withoutBaseline(roles);
      existing.updated = stamp;
      return existing;
    }
    const membership = {
      roles: withoutBaseline(roles),
      granted_by: grantedBy,
      created: stamp,
      updated: stamp,
    };
    account.members.set(userId, membership);
    return membership;
  }

  /** Removes the user from one account; a user left with no account is deleted, as Lytics does. */
  revoke(account: AccountRecord, userId: string): boolean {
    const removed = account.members.delete(userId);
    if (removed && this.accountsOfUser(userId).length === 0) {
      const user = this.users.get(userId);
      if (user) this.userIdByEmail.delete(user.email.toLowerCase());
      this.users.delete(userId);
    }
    return removed;
  }

  recordLogon(userId: string): void {
    const user = this.users.get(userId);
    if (user) user.last_logon = this.stamp();
  }

  createAccount(input: {
    organization_uid: string;
    owner_uid: string;
    name: string;
    domain: string;
    description: string;
    connections: ProjectConnections;
  }): AccountRecord {
    // Four digits, as seen live (aid 1000-9999).
    const aid = Math.max(1000, ...this.accountsByAid.keys()) + 1;
    const stamp = this.stamp();
    const sibling = this.accountsOfOrganization(input.organization_uid)[0];
    const account: AccountRecord = {
      aid,
      account_id: randomBytes(16).toString("hex"),
      project_uid: randomBytes(12).toString("hex"),
      organization_uid: input.organization_uid,
      cdp_org_id: sibling?.cdp_org_id ?? cdpOrgIdFor(input.organization_uid),
      connections: structuredClone(input.connections),
      name: input.name,
      domain: input.domain,
      description: input.description,
      owner_uid: input.owner_uid,
      created_at: stamp,
      updated_at: stamp,
      updated_by: input.owner_uid,
      api_tokens: [],
      roles_available: null,
      audiences: [],
      members: new Map(),
    };
    this.accountsByAid.set(aid, account);
    this.mintToken(account);
    return account;
  }

  deleteAccount(account: AccountRecord): void {
    for (const userId of [...account.members.keys()]) this.revoke(account, userId);
    this.accountsByAid.delete(account.aid);
  }

  /** Marks the project changed now by `byUid` (a Contentstack uid). */
  touch(account: AccountRecord, byUid: string): void {
    account.updated_at = this.stamp();
    account.updated_by = byUid;
  }

  /** A new Lytics API token for the account (Security > Access Tokens), in the `at.<id>.<secret>` form. */
  mintToken(account: AccountRecord): string {
    const token = `at.${randomBytes(4).toString("hex")}.${randomBytes(16).toString("hex")}`;
    account.api_tokens.push(token);
    return token;
  }

  stamp(): string {
    return this.now().toISOString();
  }

  private insertUser(
    id: string,
    email: string,
    name: string,
    csUserUid: string | null,
    created: string,
  ): LyticsUserRecord {
    const user = {
      id,
      email,
      name,
      cs_user_uid: csUserUid,
      created,
      updated: created,
      last_logon: null,
    };
    this.users.set(id, user);
    this.userIdByEmail.set(email.toLowerCase(), id);
    return user;
  }
}

function withoutBaseline(roles: readonly string[]): string[] {
  return [...new Set(roles.filter((role) => role !== BASELINE_ROLE))];
}
