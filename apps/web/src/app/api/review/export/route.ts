import { exportReview } from "@/lib/server/review/review-handlers";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return exportReview(services(), request);
}
