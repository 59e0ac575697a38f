// Wire shapes of the Lytics Management API. Project bodies follow what was observed live
// (api-notes Part C1): bare arrays and objects, `uid`, `connections`, `cdp`. Collaborator and role
// bodies were never observed; they follow the same conventions, as the emulator does
// (packages/emulators/docs/lytics-shapes.md). They live in this one file so a newly observed
// shape is one edit. Formats seen live (24/32 hex ids, four-digit aid) are not enforced: a client
// that refused a longer id would break on a harmless change.
import { z } from "zod";

const idList = z.array(z.string());

export const wireConnectionsSchema = z.object({
  stackApiKeys: idList.default([]),
  launchProjectUids: idList.default([]),
  personalizeProjectUids: idList.default([]),
});

export const wireCdpSchema = z.object({
  aid: z.number().int(),
  orgId: z.string().nullish(),
  accountId: z.string().nullish(),
  status: z.string().nullish(),
  syncedAt: z.string().nullish(),
});

export const wireProjectSchema = z.object({
  uid: z.string().min(1),
  name: z.string(),
  domain: z.string().nullish(),
  description: z.string().nullish(),
  organizationUid: z.string().nullish(),
  connections: wireConnectionsSchema.nullish(),
  cdp: wireCdpSchema.nullish(),
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

export const wireProjectListSchema = z.array(wireProjectSchema);
export const wireCollaboratorListSchema = z.array(wireCollaboratorSchema);
export const wireAssignableRoleListSchema = z.array(wireAssignableRoleSchema);

export type WireConnections = z.infer<typeof wireConnectionsSchema>;
export type WireProject = z.infer<typeof wireProjectSchema>;
export type WireCollaborator = z.infer<typeof wireCollaboratorSchema>;
export type WireAssignableRole = z.infer<typeof wireAssignableRoleSchema>;
