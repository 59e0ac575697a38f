import { dataActivationLayer } from "@/lib/server/handlers/data-activation-layer";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return dataActivationLayer(services(), request);
}
