import { services } from "@/lib/server/services";
import { triedPathHandler } from "@/lib/server/troubleshooting/handlers";

export const dynamic = "force-dynamic";

/** There is no direct login or password here: the seed 000 answer and the way forward. */
export function GET(request: Request): Response {
  return triedPathHandler(services(), request, "reset-password");
}

export function POST(request: Request): Response {
  return triedPathHandler(services(), request, "reset-password");
}
