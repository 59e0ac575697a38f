import { startSession } from "@/lib/server/handlers/start-session";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return startSession(services(), request);
}
