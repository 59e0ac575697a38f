import { services } from "@/lib/server/services";
import { auditCsvHandler } from "@/lib/server/sync-page/handlers";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return auditCsvHandler(services(), request);
}
