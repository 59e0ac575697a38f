import { changeConnectionHandler } from "@/lib/server/projects/project-connections";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return changeConnectionHandler(services(), request);
}

export function DELETE(request: Request): Promise<Response> {
  return changeConnectionHandler(services(), request);
}
