export {
  startLyticsEmulator,
  type LyticsEmulator,
  type LyticsEmulatorOptions,
} from "./start-lytics-emulator";
export { LYTICS_CONTROL_PREFIX } from "./control/lytics-control-routes";
export {
  rolesAvailable,
  roleDisplayName,
  BASELINE_ROLE,
  type RolePolicy,
} from "./store/role-catalogue";
export type {
  WireCollaborator,
  WireProject,
  WireUserAccount,
  WireUserResp,
} from "./store/store-views";
export {
  ACCESS_DENIED_TEXT,
  AUDIENCES_HIDDEN_TEXT,
  DIRECT_LOGIN_REFUSED,
  NO_DAL_TEXT,
  PASSWORD_RESET_REFUSED,
} from "./launch/launch-pages";
export { MAX_PROJECTS_PER_ORGANIZATION } from "./management/project-routes";
