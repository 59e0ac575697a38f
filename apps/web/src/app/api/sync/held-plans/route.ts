import { services } from "@/lib/server/services";
import { heldPlansHandler } from "@/lib/server/sync-page/handlers";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return heldPlansHandler(services(), request);
}
