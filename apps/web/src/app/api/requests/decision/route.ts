import { decideRequest } from "@/lib/server/requests/decide-request";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return decideRequest(services(), request);
}
