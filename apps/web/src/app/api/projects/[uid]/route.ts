import {
  deleteProjectHandler,
  getProjectHandler,
  updateProjectHandler,
} from "@/lib/server/projects/project-item";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return getProjectHandler(services(), request);
}

export function PUT(request: Request): Promise<Response> {
  return updateProjectHandler(services(), request);
}

export function DELETE(request: Request): Promise<Response> {
  return deleteProjectHandler(services(), request);
}
