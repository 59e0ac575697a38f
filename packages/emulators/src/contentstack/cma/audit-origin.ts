import { randomUUID } from "node:crypto";

import type { FastifyRequest } from "fastify";

import { arrivalOf } from "../../shared/emulator-clock";
import type { AuditOrigin } from "../state/audit-log";

/**
 * The `request_id` and `remote_addr` an audit item records for the HTTP call that made a change,
 * and its time: when the call arrived on the emulator's clock.
 */
export function auditOriginOf(request: FastifyRequest): AuditOrigin {
  const arrived = arrivalOf(request);
  return {
    request_id: randomUUID(),
    remote_addr: request.ip,
    ...(arrived === undefined ? {} : { at: new Date(arrived) }),
  };
}
