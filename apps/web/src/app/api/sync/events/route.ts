import { services } from "@/lib/server/services";
import { syncEventsHandler } from "@/lib/server/sync-page/handlers";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return syncEventsHandler(services(), request);
}
