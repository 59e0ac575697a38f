import { startConnect } from "@/lib/server/handlers/connect-start";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return startConnect(services(), request);
}
