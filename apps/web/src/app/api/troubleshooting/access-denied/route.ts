import { services } from "@/lib/server/services";
import { accessDeniedHandler } from "@/lib/server/troubleshooting/handlers";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return accessDeniedHandler(services(), request);
}
