import "server-only";

import { randomUUID } from "node:crypto";

import { json } from "../responses";
import type { Services } from "../services";

const UID = /^[A-Za-z0-9_.-]{1,128}$/;

/**
 * The ids of `/api/projects/{uid}[/collaborators/{userUid}]` read off the request URL (the route
 * files stay one line: the handler takes only the request). Null when malformed.
 */
export function projectPathIds(request: Request): { projectUid: string; userUid?: string } | null {
  const parts = new URL(request.url).pathname.split("/").filter(Boolean).map(decodeURIComponent);
  // ["api", "projects", uid, ("connections" | "collaborators", userUid?)]
  const projectUid = parts[2];
  if (parts[0] !== "api" || parts[1] !== "projects" || !projectUid || !UID.test(projectUid))
    return null;
  const userUid = parts[3] === "collaborators" ? parts[4] : undefined;
  if (userUid !== undefined && !UID.test(userUid)) return null;
  return userUid === undefined ? { projectUid } : { projectUid, userUid };
}

/** The version the person edited (`If-Match`), or a 428 saying it is needed. */
export function requireIfMatch(
  request: Request,
): { ok: true; etag: string } | { ok: false; response: Response } {
  const etag = request.headers.get("if-match")?.trim();
  if (etag) return { ok: true, etag };
  return {
    ok: false,
    response: json(428, {
      error: "if-match-required",
      reasons: [
        "Send the version you edited (If-Match), so a change made meanwhile is not overwritten.",
      ],
    }),
  };
}

export function staleEdit(what: string, current: unknown): Response {
  return json(409, {
    error: "stale-edit",
    reasons: [
      `${what} was changed by someone else since you opened it. Review the current version and try again.`,
    ],
    current,
  });
}

export const notVisible = (projectUid: string) =>
  json(404, {
    error: "not-found",
    reasons: [
      "No such project, or you may not see it: Data & Insights shows a Member only the projects they are on or own (seed 002).",
    ],
    requestAccessHref: `/requests/new?project=${encodeURIComponent(projectUid)}`,
  });

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Serialises the check-then-write of one project's edits across web replicas: the If-Match check
 * and the write happen under one short lock, so two saves of the same version cannot both pass
 * the check. "busy" when another save holds it (answered as a stale edit: reload and retry).
 */
export async function withProjectLock<T>(
  svc: Services,
  orgUid: string,
  projectUid: string,
  run: () => Promise<T>,
): Promise<T | "busy"> {
  // Braced on the organization, as the store's keys are, so it lives in their Redis Cluster slot.
  const key = `${svc.env.STORE_KEY_PREFIX}:{${orgUid}}:web:project-write:${projectUid}`;
  const token = randomUUID();
  if ((await svc.redis.set(key, token, "PX", 15_000, "NX")) !== "OK") return "busy";
  try {
    return await run();
  } finally {
    await svc.redis.eval(RELEASE, 1, key, token);
  }
}
