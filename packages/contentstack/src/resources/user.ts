import { parseWire } from "../wire/parse-wire";
import { wireUserSchema, type WireUser } from "../wire/wire-user";
import { sdkData } from "../sdk/management-sdk";
import { viaSdk, type ResourceContext } from "./context";

export interface UserOrganization {
  readonly uid: string;
  readonly name: string;
  readonly isOwner: boolean;
  readonly roles: ReadonlyArray<{
    readonly uid: string;
    readonly name: string;
    readonly isAdmin: boolean;
  }>;
}

/** The signed-in person (`GET /v3/user`). */
export interface ContentstackUser {
  readonly uid: string;
  readonly email: string;
  readonly username: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  /** "First Last", or null when neither is known. */
  readonly name: string | null;
  readonly organizations: readonly UserOrganization[];
}

export function displayName(
  first: string | null | undefined,
  last: string | null | undefined,
): string | null {
  const name = [first, last]
    .filter((part): part is string => typeof part === "string" && part.trim() !== "")
    .join(" ");
  return name === "" ? null : name;
}

export function toContentstackUser(wire: WireUser): ContentstackUser {
  return {
    uid: wire.uid,
    email: wire.email,
    username: wire.username ?? null,
    firstName: wire.first_name ?? null,
    lastName: wire.last_name ?? null,
    name: displayName(wire.first_name, wire.last_name),
    organizations: (wire.organizations ?? []).map((org) => ({
      uid: org.uid,
      name: org.name,
      isOwner: org.is_owner === true,
      roles: (org.org_roles ?? []).map((role) => ({
        uid: role.uid,
        name: role.name,
        isAdmin: role.admin === true,
      })),
    })),
  };
}

/** Reads the current user through the Management SDK (`client.getUser()`, which unwraps `{user}`). */
export async function getUser(context: ResourceContext): Promise<ContentstackUser> {
  const operation = "GET /v3/user";
  const raw = await viaSdk(operation, () => context.sdk.getUser());
  return toContentstackUser(parseWire(wireUserSchema, sdkData(raw), operation));
}
