import { oauthCallback } from "@/lib/server/handlers/oauth-callback";
import { services } from "@/lib/server/services";
import { noteLoopCallback } from "@/lib/server/troubleshooting/sign-in-loop-start";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  await noteLoopCallback(services(), request);
  return oauthCallback(services(), request);
}
