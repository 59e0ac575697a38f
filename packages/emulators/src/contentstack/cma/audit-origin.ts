import { randomUUID } from "node:crypto";

import type { FastifyRequest } from "fastify";

import type { AuditOrigin } from "../state/audit-log";

/** The `request_id` and `remote_addr` an audit item records for the HTTP call that made a change. */
export function auditOriginOf(request: FastifyRequest): AuditOrigin {
  return { request_id: randomUUID(), remote_addr: request.ip };
}
