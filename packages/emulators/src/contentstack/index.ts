export {
  startContentstackEmulator,
  type RunningContentstackEmulator,
} from "./start-contentstack-emulator";
export type { ContentstackEmulatorOptions } from "./options";
export { EmulatorOptionsError } from "./emulator-options-error";
export type { CmaErrorBody } from "./cma/cma-error";
export type { WireUser, WireUserOrganization } from "./cma/user-view";
export type { AuditEntry } from "./state/audit-log";
export type { GlobalFullPageInitData } from "./host-shell/init-data";
/** The host shell's session cookie; its value is also a CMA `authtoken`. */
export { SESSION_COOKIE as CONTENTSTACK_SESSION_COOKIE } from "./state/sessions";
