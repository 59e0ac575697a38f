import {
  createProjectHandler,
  listProjectsHandler,
} from "@/lib/server/projects/projects-collection";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return listProjectsHandler(services(), request);
}

export function POST(request: Request): Promise<Response> {
  return createProjectHandler(services(), request);
}
