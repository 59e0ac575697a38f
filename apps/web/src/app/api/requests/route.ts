import { createRequest } from "@/lib/server/requests/create-request";
import { listRequests } from "@/lib/server/requests/list-requests";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return listRequests(services(), request);
}

export function POST(request: Request): Promise<Response> {
  return createRequest(services(), request);
}
