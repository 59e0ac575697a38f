import { services } from "@/lib/server/services";
import { missingAudiencesHandler } from "@/lib/server/troubleshooting/handlers";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return missingAudiencesHandler(services(), request);
}
