import "server-only";

import type { Actor } from "@lytics-access/store";

import type { SessionState } from "../load-session";

type Active = Extract<SessionState, { status: "active" }>;

/** The signed-in person as the audit log and the stores name them. */
export function actorOf(state: Active): Actor {
  return {
    type: "person",
    uid: state.session.userUid,
    email: state.person.email,
    ...(state.person.name ? { name: state.person.name } : {}),
  };
}
