import { startOAuth } from "@/lib/server/handlers/oauth-start";
import { services } from "@/lib/server/services";
import { loopGuardedStart } from "@/lib/server/troubleshooting/sign-in-loop-start";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  const svc = services();
  // Repeated round trips are a redirect loop: counted, and stopped (troubleshooting).
  return loopGuardedStart(svc, request, () => startOAuth(svc, request));
}
