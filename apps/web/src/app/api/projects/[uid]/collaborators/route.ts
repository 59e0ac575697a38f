import { inviteCollaboratorsHandler } from "@/lib/server/projects/collaborators";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return inviteCollaboratorsHandler(services(), request);
}
