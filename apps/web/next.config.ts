import type { NextConfig } from "next";

// Our packages export TypeScript source (no build step), so Next compiles them.
const config: NextConfig = {
  transpilePackages: [
    "@lytics-access/contentstack",
    "@lytics-access/http",
    "@lytics-access/lytics",
    "@lytics-access/permissions",
    "@lytics-access/store",
    "@lytics-access/sync",
    // The connect flow uses the worker's first-connection import and enqueuer (server only).
    "@lytics-access/worker",
  ],
  // ioredis, pino and the worker's queue and HTTP stack run in Node on the server only; bundling
  // them gains nothing.
  serverExternalPackages: [
    "ioredis",
    "pino",
    "@contentstack/management",
    "bullmq",
    "fastify",
    "@bull-board/api",
    "@bull-board/fastify",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  // Our own lint and typecheck scripts run in CI; `next build` need not repeat them.
  typescript: { ignoreBuildErrors: false },
};

export default config;
