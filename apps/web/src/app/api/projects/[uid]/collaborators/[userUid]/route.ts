import { changeCollaboratorHandler } from "@/lib/server/projects/collaborators";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function PUT(request: Request): Promise<Response> {
  return changeCollaboratorHandler(services(), request);
}

export function DELETE(request: Request): Promise<Response> {
  return changeCollaboratorHandler(services(), request);
}
