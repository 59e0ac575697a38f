import type { MappingPolicy } from "./mapping-policy";

/**
 * Seed 000's table as a policy, version 1: Owner -> Admin; Admin -> the Editor bundle ("manage
 * audiences and events; analyze data; no config changes"); a Member may be granted Audience
 * Manager or Data Manager; Guests -> Restricted (nothing).
 */
export const DEFAULT_MAPPING_POLICY: MappingPolicy = Object.freeze({
  version: 1,
  note: "Default: seed 000 (Access and Manage Data & Insights (Lytics) Accounts through Contentstack)",
  levels: Object.freeze({
    admin: Object.freeze({ roles: Object.freeze(["admin"]) }),
    editor: Object.freeze({
      roles: Object.freeze([
        "segment_manager",
        "content_manager",
        "report_viewer",
        "experience_manager",
        "goal_manager",
      ]),
    }),
    "audience-manager": Object.freeze({ roles: Object.freeze(["segment_manager"]) }),
    "data-manager": Object.freeze({ roles: Object.freeze(["data_manager"]) }),
    restricted: Object.freeze({ roles: Object.freeze([]) }),
  }),
  memberGrantableLevels: Object.freeze(["audience-manager", "data-manager"] as const),
});
