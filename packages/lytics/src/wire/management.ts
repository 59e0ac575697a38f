// Wire shapes of the Lytics Management API. Contentstack publishes no response schemas for it
// (api-notes Part A §1.3), so these follow the emulator contract (packages/emulators/docs/
// lytics-shapes.md). They live in this one file so the live shapes can be dropped in here.
import { z } from "zod";

export const wireProjectSchema = z.object({
  uid: z.string().min(1),
  name: z.string(),
  domain: z.string().nullish(),
  description: z.string().nullish(),
  organizationUid: z.string().nullish(),
  ownerUid: z.string().nullish(),
  accountId: z.string().nullish(),
  aid: z.number().int().nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
});

export const wireCollaboratorSchema = z.object({
  userUid: z.string().min(1),
  email: z.string(),
  name: z.string().nullish(),
  roles: z.array(z.string()).nullish(),
  status: z.string().nullish(),
  isOwner: z.boolean().nullish(),
  invitedAt: z.string().nullish(),
});

export const wireAssignableRoleSchema = z.object({
  slug: z.string().min(1),
  name: z.string().nullish(),
  description: z.string().nullish(),
});

export const wireProjectListResponseSchema = z.object({ projects: z.array(wireProjectSchema) });
export const wireProjectResponseSchema = z.object({ project: wireProjectSchema });
export const wireCollaboratorListResponseSchema = z.object({
  collaborators: z.array(wireCollaboratorSchema),
});
export const wireCollaboratorResponseSchema = z.object({ collaborator: wireCollaboratorSchema });
export const wireAssignableRoleListResponseSchema = z.object({
  roles: z.array(wireAssignableRoleSchema),
});

/**
 * NestJS-style errors `{statusCode, message, error, error_code?}`; the Contentstack proxy also
 * answers in the CMA style `{error_message, error_code}` (api-notes Part A §1.5).
 */
export const wireManagementErrorSchema = z.object({
  statusCode: z.number().optional(),
  message: z.union([z.string(), z.array(z.string())]).optional(),
  error: z.string().optional(),
  error_code: z.union([z.string(), z.number()]).optional(),
  error_message: z.string().optional(),
});

export type WireProject = z.infer<typeof wireProjectSchema>;
export type WireCollaborator = z.infer<typeof wireCollaboratorSchema>;
export type WireAssignableRole = z.infer<typeof wireAssignableRoleSchema>;

/** The code and message of a Management API error body, whatever its variant. */
export function readManagementError(body: unknown): { apiCode?: string; message?: string } {
  const parsed = wireManagementErrorSchema.safeParse(body);
  if (!parsed.success) return {};
  const { message, error_code: code, error_message: cmaMessage, error } = parsed.data;
  const text = Array.isArray(message) ? message.join("; ") : (message ?? cmaMessage ?? error);
  return {
    ...(code === undefined ? {} : { apiCode: String(code) }),
    ...(text === undefined ? {} : { message: text }),
  };
}
