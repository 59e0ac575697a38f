import type { AccessRequest } from "@lytics-access/store";

import { json } from "../responses";
import { toRequestView } from "./request-view";

/** 409: the request was decided or changed since the page showed it; the current one comes back. */
export function staleRequest(current: AccessRequest | null): Response {
  return json(409, {
    error: "stale",
    reasons: [
      current && current.status !== "pending"
        ? `This request was already ${current.status}${current.decidedBy?.type === "person" ? ` by ${current.decidedBy.name ?? current.decidedBy.email ?? current.decidedBy.uid}` : ""}; nothing was changed.`
        : "This request changed since you opened it; nothing was changed. Reload to see it now.",
    ],
    ...(current ? { request: toRequestView(current) } : {}),
  });
}
