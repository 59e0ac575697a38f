import { redeemHandoff } from "@/lib/server/handlers/redeem-handoff";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return redeemHandoff(services(), request);
}
