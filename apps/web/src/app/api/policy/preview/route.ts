import { previewPolicyHandler } from "@/lib/server/policy/handlers";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return previewPolicyHandler(services(), request);
}
