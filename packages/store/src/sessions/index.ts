export type { CreateSessionInput, Session, SessionPerson, SessionTokens } from "./session";
export {
  createSessionsStore,
  newSecret,
  type SessionsStore,
  type SessionsStoreOptions,
} from "./sessions-store";
export {
  createOneTimeStore,
  type Handoff,
  type LoginAttempt,
  type OneTimeStore,
  type OneTimeStoreOptions,
} from "./one-time-store";
