import type { SessionPerson } from "@lytics-access/store";

import { SignOutButton } from "./sign-out-button";

const ROLE_LABEL = { owner: "Owner", admin: "Admin", member: "Member", guest: "Guest" } as const;

/**
 * The signed-in person and their organization standing, in the navigation. When the standing was
 * read from their own profile (no credential at hand may list the organization's users), a
 * Member may in fact be a Guest: say so rather than claim it.
 */
export function PersonCard({ person }: { person: SessionPerson }) {
  const unconfirmed = person.standingSource === "own-profile" && person.role === "member";
  return (
    <div className="la-person" data-testid="person">
      <div>{person.name ?? person.email}</div>
      <div className="la-person-role" data-testid="person-role">
        Organization {ROLE_LABEL[person.role]}
      </div>
      {unconfirmed ? (
        <div className="la-person-role" data-testid="standing-unconfirmed">
          Guest or Member: not confirmed until an Owner or Admin connects the organization.
        </div>
      ) : null}
      <SignOutButton />
    </div>
  );
}
