import { services } from "@/lib/server/services";
import { dryRunHandler } from "@/lib/server/sync-page/handlers";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return dryRunHandler(services(), request);
}
