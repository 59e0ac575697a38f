import { membersSyncNowHandler } from "@/lib/server/members/handlers";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return membersSyncNowHandler(services(), request);
}
