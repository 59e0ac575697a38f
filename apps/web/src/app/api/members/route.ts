import { membersHandler } from "@/lib/server/members/handlers";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return membersHandler(services(), request);
}
