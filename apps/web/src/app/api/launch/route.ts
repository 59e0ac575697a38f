import { launch } from "@/lib/server/handlers/launch";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return launch(services(), request);
}
