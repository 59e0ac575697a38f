import { services } from "@/lib/server/services";
import { resetSignInHandler } from "@/lib/server/troubleshooting/handlers";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return resetSignInHandler(services(), request);
}
