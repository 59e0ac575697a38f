import "server-only";

import type { z } from "zod";

import type { SessionState } from "../load-session";
import { badRequest } from "../responses";
import { requireSession, type GuardOptions, type GuardResult } from "../route-guard";
import type { Services } from "../services";

type Active = Extract<SessionState, { status: "active" }>;
type Identified = Extract<SessionState, { status: "identified" | "active" }>;

/**
 * The preamble of a handler that acts on a JSON body: `requireSession()` (session, Origin and CSRF
 * of a mutation, permission), then the body checked against `schema`. A body that does not fit is
 * answered 400 `invalid-body` with `required` as its one reason (what the browser must send).
 */
export async function requireSessionAndBody<T>(
  svc: Services,
  request: Request,
  options: GuardOptions & { require: "identified" },
  schema: z.ZodType<T>,
  required: string,
): Promise<GuardResult<Identified & { body: T }>>;
export async function requireSessionAndBody<T>(
  svc: Services,
  request: Request,
  options: GuardOptions,
  schema: z.ZodType<T>,
  required: string,
): Promise<GuardResult<Active & { body: T }>>;
export async function requireSessionAndBody<T>(
  svc: Services,
  request: Request,
  options: GuardOptions,
  schema: z.ZodType<T>,
  required: string,
): Promise<GuardResult<Identified & { body: T }>> {
  const guard = await requireSession(svc, request, options);
  if (!guard.ok) return guard;
  const parsed = schema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return { ok: false, response: badRequest("invalid-body", [required]) };
  return { ok: true, state: { ...guard.state, body: parsed.data } };
}
