// Error pages a person can read, with a way back. Browser navigations (Accept: text/html) get
// HTML; API clients keep the CMA's JSON error bodies, so nothing the SDKs parse changes.
import type { FastifyReply, FastifyRequest } from "fastify";

import type { EmulatorContext } from "../context";
import { html, type SafeHtml } from "../../shared/html";
import { pageLayout } from "./page-layout";
import { CURRENT_ORG_COOKIE, signedInPerson } from "./session-cookie";
import { appPath, topBar } from "./top-bar";
import { activeMembership } from "../state/world";

// Machine paths: whatever the Accept header says, these answer JSON.
const API_PREFIXES = [
  "/v3/",
  "/_emulator/",
  "/apps-api/",
  "/host-shell/",
  "/.well-known/",
  "/manifests/",
];
const API_PATHS = new Set(["/v3", "/_emulator", "/token", "/apps-api"]);

/** A browser navigation to a page, as opposed to an SDK or script calling an API. */
export function wantsHtmlPage(request: FastifyRequest): boolean {
  const path = request.url.split("?")[0] ?? "";
  if (API_PATHS.has(path) || API_PREFIXES.some((prefix) => path.startsWith(prefix))) return false;
  const accept = request.headers.accept ?? "";
  return accept.includes("text/html");
}

export interface ProblemPage {
  status: number;
  title: string;
  /** What happened, in a sentence. */
  message: SafeHtml | string;
  /** What to do about it (optional, shown under the message). */
  advice?: SafeHtml;
  /** Where to go instead; defaults to the person's organization (or sign-in). */
  links?: SafeHtml;
}

function defaultLinks(ctx: EmulatorContext, request: FastifyRequest): SafeHtml {
  const person = signedInPerson(ctx, request);
  if (!person)
    return html`<a class="button" href="/login" data-testid="back-link">Sign in to Contentstack</a>`;
  const orgUid = request.cookies[CURRENT_ORG_COOKIE];
  const org = orgUid ? ctx.world.organizations.get(orgUid) : undefined;
  const appName = ctx.world.apps.get(ctx.world.mountedAppUid)?.name ?? "the app";
  return org && activeMembership(org, person.uid)
    ? html`<a class="button" href="${appPath(ctx, org.uid)}" data-testid="back-link">Back to ${appName} in ${org.name}</a>
<a href="/">All your organizations</a>`
    : html`<a class="button" href="/" data-testid="back-link">Back to your organizations</a>`;
}

/** The page body: the top bar when someone is signed in, and a card saying what and what next. */
export function problemBody(
  ctx: EmulatorContext,
  request: FastifyRequest,
  problem: ProblemPage,
): SafeHtml {
  const person = signedInPerson(ctx, request);
  const orgUid = request.cookies[CURRENT_ORG_COOKIE];
  const org = orgUid ? ctx.world.organizations.get(orgUid) : undefined;
  const current = person && org && activeMembership(org, person.uid) ? org : null;
  return html`${person ? topBar(ctx, person, current) : html``}<div class="card problem" role="alert" data-testid="problem" data-status="${problem.status}">
<div class="status">Error ${problem.status}</div>
<h1>${problem.title}</h1>
<p data-testid="problem-message">${problem.message}</p>
${problem.advice ?? html``}
<div class="actions">${problem.links ?? defaultLinks(ctx, request)}</div>
</div>`;
}

export function sendProblemPage(
  ctx: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
  problem: ProblemPage,
): FastifyReply {
  return reply
    .code(problem.status)
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .send(pageLayout(problem.title, problemBody(ctx, request, problem)));
}

export function sendNotFoundPage(
  ctx: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const path = request.url.split("?")[0] ?? "";
  return sendProblemPage(ctx, request, reply, {
    status: 404,
    title: "Page not found",
    message: html`There is no page at <code>${path}</code> in this Contentstack.`,
    advice: html`<p>The link may be old, or the address mistyped. Your organizations and the apps installed in them are one click away.</p>`,
  });
}

const STATUS_TITLES: Record<number, string> = {
  400: "This request could not be read",
  401: "Please sign in",
  403: "You do not have access",
  404: "Page not found",
  405: "That is not allowed here",
  413: "That is too large",
  415: "That kind of content is not accepted",
  429: "Too many requests",
};

/** Any other error on a browser navigation: the status, a plain title, the way back. */
export function sendErrorPage(
  ctx: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  detail: string,
): FastifyReply {
  return sendProblemPage(ctx, request, reply, {
    status,
    title:
      STATUS_TITLES[status] ??
      (status >= 500 ? "Something went wrong in the emulator" : "Something went wrong"),
    message:
      status >= 500 ? "The page could not be shown. The emulator's log has the details." : detail,
  });
}
