import { NextResponse } from "next/server";

import { contentSecurityPolicy, frameAncestorsFor } from "./lib/frame-ancestors";

// Read at request time (not baked in at build), so one build serves any region or the emulator.
// env.ts validates the same variables when the server starts.
const policy = contentSecurityPolicy(
  frameAncestorsFor(process.env.CONTENTSTACK_REGION, process.env.CONTENTSTACK_APP_URL),
);

/** Every page and route answer carries `frame-ancestors` (the callback page sets a stricter one). */
export function proxy(): NextResponse {
  const response = NextResponse.next();
  response.headers.set("content-security-policy", policy);
  response.headers.set("referrer-policy", "no-referrer");
  response.headers.set("x-content-type-options", "nosniff");
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
