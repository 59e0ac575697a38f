import { acceptImport, showImport } from "@/lib/server/handlers/connection-import";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return showImport(services(), request);
}

export function POST(request: Request): Promise<Response> {
  return acceptImport(services(), request);
}
