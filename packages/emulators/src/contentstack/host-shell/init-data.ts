// What the host answers to the App SDK's `init` for the Global Full Page location
// (app-sdk-host-protocol.md "Init response shape").
import type { EmulatorContext } from "../context";
import { toWireUser } from "../cma/user-view";
import type { Organization, Person, RegisteredApp } from "../state/world";

export interface GlobalFullPageInitData {
  type: "GLOBAL_FULL_PAGE_LOCATION";
  app_id: string;
  installation_uid: string;
  extension_uid: string;
  region: "NA";
  user: ReturnType<typeof toWireUser>;
  organization: { uid: string; name: string; owner_uid: string; enabled: true; tags: string[] };
  endpoints: { APP: string; CMA: string; DEVELOPER_HUB: string };
  manifest: { version: number };
  config: Record<string, unknown>;
}

export function globalFullPageInitData(
  ctx: EmulatorContext,
  app: RegisteredApp,
  installationUid: string,
  org: Organization,
  person: Person,
): GlobalFullPageInitData {
  return {
    type: "GLOBAL_FULL_PAGE_LOCATION",
    app_id: app.app_uid,
    installation_uid: installationUid,
    extension_uid: `ext_${installationUid}_global_full_page`,
    region: "NA",
    user: toWireUser(ctx.world, person),
    organization: {
      uid: org.uid,
      name: org.name,
      owner_uid: org.owner_uid,
      enabled: true,
      tags: [],
    },
    endpoints: { APP: ctx.publicUrl, CMA: ctx.publicUrl, DEVELOPER_HUB: ctx.publicUrl },
    manifest: { version: 1 },
    config: {},
  };
}
