import { services } from "@/lib/server/services";
import { withdrawRequest } from "@/lib/server/requests/withdraw-request";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return withdrawRequest(services(), request);
}
