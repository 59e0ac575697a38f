import { oauthCallback } from "@/lib/server/handlers/oauth-callback";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return oauthCallback(services(), request);
}
