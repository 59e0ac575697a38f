import "server-only";

import { REGIONS } from "@lytics-access/http";

import type { SessionState } from "../load-session";
import type { Services } from "../services";
import { loopRefOf, signInLoopGuard, type LoopStatus } from "./sign-in-loop";

/** Where a person stands with sign-in, for the help pages. */
export interface SignInState {
  readonly status: SessionState["status"];
  readonly who: string | null;
  readonly role: string | null;
  /** Null without a session (the loop is counted per session). */
  readonly loop: LoopStatus | null;
  /** Contentstack's login page for the configured region (the emulator in local mode). */
  readonly contentstackUrl: string;
  /** Whether the organization has a connection for the sync (a Data & Insights account in use). */
  readonly organizationConnected: boolean | null;
}

export async function signInState(svc: Services, state: SessionState): Promise<SignInState> {
  const loop =
    state.status === "none" ? null : await signInLoopGuard(svc).status(loopRefOf(state.sessionId));
  const installation =
    state.status === "none" ? null : await svc.installations.get(state.session.orgUid);
  return {
    status: state.status,
    who: state.status === "active" ? (state.person.name ?? state.person.email) : null,
    role: state.status === "active" ? state.person.role : null,
    loop,
    contentstackUrl: svc.env.CONTENTSTACK_APP_URL ?? REGIONS[svc.env.CONTENTSTACK_REGION].appUrl,
    organizationConnected: state.status === "none" ? null : installation !== null,
  };
}
