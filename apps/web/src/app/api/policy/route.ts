import { getPolicyHandler, savePolicyHandler } from "@/lib/server/policy/handlers";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return getPolicyHandler(services(), request);
}

export function PUT(request: Request): Promise<Response> {
  return savePolicyHandler(services(), request);
}
