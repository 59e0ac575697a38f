import { connectSync } from "@/lib/server/handlers/connect-sync";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return connectSync(services(), request);
}
