import { startOAuth } from "@/lib/server/handlers/oauth-start";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return startOAuth(services(), request);
}
