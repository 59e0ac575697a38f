import { z } from "zod";

import { resolveManagementBaseUrl } from "../config/endpoints";
import { InvalidInputError, parseInput } from "../errors/invalid-input-error";
import { resolveCommonOptions, type CommonClientOptions } from "../http/common-options";
import type { TransportCredentials } from "@lytics-access/http";
import { refreshingCredentials, staticCredentials } from "../http/credentials";
import { createHttp } from "../http/request";
import { knownSlugsFrom, type KnownRoleSlugs } from "../roles/check-role-slugs";
import { checkedRoles } from "../roles/checked-roles";
import { createRoleSlugCache } from "../roles/role-slug-cache";
import { readManagementErrorBody } from "../http/management-error-body";
import {
  inviteCollaborators,
  listCollaborators,
  removeCollaborator,
  updateCollaboratorRoles,
  type ProjectCollaborator,
  type RemoveCollaboratorOutcome,
} from "./collaborators";
import {
  createProject,
  deleteProject,
  getProject,
  listProjects,
  updateProject,
  type CreateProjectInput,
  type DeleteOutcome,
  type LyticsProject,
  type UpdateProjectInput,
} from "./projects";
import { listAssignableRoles, type AssignableRole } from "./roles";

/**
 * A Contentstack user credential. Prefer `getAccessToken`: it is asked before every attempt, so
 * the caller's OAuth client can refresh the token during a long run.
 */
export type ManagementCredentials =
  /** An OAuth user access token, sent as `authorization: Bearer <token>`. */
  | { getAccessToken: () => Promise<string> }
  /** A Contentstack authtoken (user session), sent in the `authtoken` header. */
  | { authtoken: string };

/** Options of {@link createLyticsManagementClient}. */
export interface LyticsManagementClientOptions extends CommonClientOptions {
  /** The region whose host to call (`na`, `eu`, `au`, `azure_na`, ...); ignored when `baseUrl` is set. */
  region?: string;
  /** An explicit base URL (the emulator); wins over `region`. */
  baseUrl?: string;
  /** The Contentstack organization, sent as the required `organization_uid` header. */
  organizationUid: string;
  credentials: ManagementCredentials;
}

/** Invitation of {@link LyticsManagementClient.inviteCollaborators}. */
export interface InviteCollaboratorsInput {
  emails: readonly string[];
  /** At least one slug that `GET /projects/{id}/roles` offers. */
  roles: readonly string[];
  message?: string;
}

/** The Lytics Management API of one organization. */
export interface LyticsManagementClient {
  readonly organizationUid: string;
  listProjects(): Promise<LyticsProject[]>;
  /** A project, or `null` on 404. */
  getProject(projectUid: string): Promise<LyticsProject | null>;
  createProject(input: CreateProjectInput): Promise<LyticsProject>;
  updateProject(projectUid: string, input: UpdateProjectInput): Promise<LyticsProject>;
  /** `absent` when there was no such project. */
  deleteProject(projectUid: string): Promise<DeleteOutcome>;
  listCollaborators(projectUid: string): Promise<ProjectCollaborator[]>;
  /** @throws {@link UnknownRoleSlugError} before anything is sent when a slug is not offered. */
  inviteCollaborators(
    projectUid: string,
    input: InviteCollaboratorsInput,
  ): Promise<ProjectCollaborator[]>;
  /** @throws {@link UnknownRoleSlugError} before anything is sent when a slug is not offered. */
  updateCollaboratorRoles(
    projectUid: string,
    userUid: string,
    roles: readonly string[],
  ): Promise<ProjectCollaborator>;
  /** `absent` when the person was not on the project. */
  removeCollaborator(projectUid: string, userUid: string): Promise<RemoveCollaboratorOutcome>;
  listAssignableRoles(projectUid: string): Promise<AssignableRole[]>;
}

const credentialsSchema = z.union(
  [
    z.object({
      getAccessToken: z.custom<() => Promise<string>>((value) => typeof value === "function"),
    }),
    z.object({ authtoken: z.string().trim().min(1) }),
  ],
  { error: "credentials must be {getAccessToken} or a non-empty {authtoken}" },
);
const optionsSchema = z.object({
  organizationUid: z.string().trim().min(1),
  credentials: credentialsSchema,
});
const uidSchema = z.string().trim().min(1);
const rolesSchema = z
  .array(z.string().min(1))
  .min(1, "give at least one role; to take all access away, remove the collaborator");
const idsSchema = z.array(z.string().trim().min(1));
const createSchema = z.object({
  name: z.string().trim().min(1),
  domain: z.string().trim().min(1),
  description: z.string().optional(),
  connections: z
    .object({
      stackApiKeys: idsSchema.optional(),
      launchProjectUids: idsSchema.optional(),
      personalizeProjectUids: idsSchema.optional(),
    })
    .optional(),
});
const updateSchema = createSchema
  .partial()
  .refine((value) => Object.keys(value).length > 0, "nothing to update");
const inviteSchema = z.object({
  emails: z.array(z.email()).min(1),
  roles: rolesSchema,
  message: z.string().optional(),
});

/**
 * A client for one organization's Lytics projects.
 *
 * @throws {@link InvalidInputError} when an option is invalid.
 */
export function createLyticsManagementClient(
  options: LyticsManagementClientOptions,
): LyticsManagementClient {
  const own = parseInput(optionsSchema, options, "Lytics Management client options");
  const baseUrl = resolveManagementBaseUrl({ baseUrl: options.baseUrl, region: options.region });
  const common = resolveCommonOptions(
    options,
    `management|${baseUrl}|${own.organizationUid}`,
    "lytics-management",
  );
  const http = createHttp({
    api: "lytics-management",
    baseUrl,
    credentials: credentialSource(own.credentials),
    // Without x-cs-api-version the live service answers a framework 404 to every route.
    fixedHeaders: { organization_uid: own.organizationUid, "x-cs-api-version": "1" },
    fixedQuery: {},
    timeoutMs: common.timeoutMs,
    maxResponseBytes: common.maxResponseBytes,
    limiter: common.limiter,
    limiterKey: common.limiterKey,
    retry: common.retry,
    logger: common.logger,
    clock: common.clock,
    fetch: common.fetch,
    random: common.random,
    readError: readManagementErrorBody,
  });
  const roleCache = createRoleSlugCache(common.rolesCacheTtlMs);
  const check = (projectUid: string, roles: readonly string[]) =>
    checkedRoles(roleCache, projectUid, () => loadKnownSlugs(projectUid), roles);
  const loadKnownSlugs = async (projectUid: string): Promise<KnownRoleSlugs> =>
    knownSlugsFrom((await listAssignableRoles(http, projectUid)).map((role) => role.slug));
  const uid = (value: string, what: string) => parseInput(uidSchema, value, what);

  return {
    organizationUid: own.organizationUid,
    listProjects: () => listProjects(http),
    getProject: (projectUid) => getProject(http, uid(projectUid, "project uid")),
    createProject: (input) => createProject(http, parseInput(createSchema, input, "project")),
    updateProject: (projectUid, input) =>
      updateProject(
        http,
        uid(projectUid, "project uid"),
        parseInput(updateSchema, input, "project update"),
      ),
    deleteProject: (projectUid) => deleteProject(http, uid(projectUid, "project uid")),
    listCollaborators: (projectUid) => listCollaborators(http, uid(projectUid, "project uid")),
    async inviteCollaborators(projectUid, input) {
      const project = uid(projectUid, "project uid");
      const request = parseInput(inviteSchema, input, "invitation");
      const roles = await check(project, request.roles);
      return inviteCollaborators(http, project, { ...request, roles });
    },
    async updateCollaboratorRoles(projectUid, userUid, roles) {
      const project = uid(projectUid, "project uid");
      const user = uid(userUid, "collaborator uid");
      const checked = await check(project, parseInput(rolesSchema, roles, "roles"));
      return updateCollaboratorRoles(http, project, user, checked);
    },
    removeCollaborator: (projectUid, userUid) =>
      removeCollaborator(http, uid(projectUid, "project uid"), uid(userUid, "collaborator uid")),
    listAssignableRoles: (projectUid) => listAssignableRoles(http, uid(projectUid, "project uid")),
  };
}

function credentialSource(credentials: z.infer<typeof credentialsSchema>): TransportCredentials {
  if ("authtoken" in credentials) return staticCredentials({ authtoken: credentials.authtoken });
  const { getAccessToken } = credentials;
  return refreshingCredentials(
    async () => {
      const token = await getAccessToken();
      // An empty token would be sent as "Bearer " and fail as a confusing 401.
      if (typeof token !== "string" || token.trim() === "") {
        throw new InvalidInputError("access token", ["getAccessToken() returned no token"]);
      }
      return token;
    },
    (token) => ({ authorization: `Bearer ${token}` }),
  );
}
