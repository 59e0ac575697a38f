import { signOut } from "@/lib/server/handlers/sign-out";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return signOut(services(), request);
}
