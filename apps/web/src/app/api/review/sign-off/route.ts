import { signOffReview } from "@/lib/server/review/review-handlers";
import { services } from "@/lib/server/services";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return signOffReview(services(), request);
}
