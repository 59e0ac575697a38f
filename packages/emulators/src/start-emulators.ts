// Starts both emulators wired to each other: Contentstack first (its App Switcher links to the Lytics
// launch), then Lytics (it asks Contentstack who is calling). Each must know the other's URL before
// it starts, so free ports are chosen up front when port 0 is asked for.
import { findFreePort } from "@lytics-access/redis-server";

import { startContentstackEmulator } from "./contentstack";
import type { Fixture } from "./fixtures/fixture-schema";
import { loadFixture } from "./fixtures/load-fixture";
import { startLyticsEmulator } from "./lytics";

export interface StartEmulatorsOptions {
  /** Contentstack emulator port; 0 picks a free one. @defaultValue 4010 */
  csPort?: number;
  /** Lytics emulator port; 0 picks a free one. @defaultValue 4020 */
  lyticsPort?: number;
  /** The world both serve. @defaultValue the shipped fixtures/default.json */
  fixture?: Fixture;
  /** Lytics requests per second per account / organization; false = off. @defaultValue 20 */
  lyticsRateLimitPerSecond?: number | false;
  /** Contentstack CMA limit per organization; false = off. @defaultValue the Contentstack emulator's (10 reads/s, 10 writes/s) */
  contentstackRateLimit?: { readsPerSecond: number; writesPerSecond: number } | false;
  /** Log requests. @defaultValue false */
  logger?: boolean;
}

export interface RunningEmulators {
  contentstack: { url: string; port: number };
  lytics: { url: string; port: number };
  /** Closes Lytics, then Contentstack; safe to call more than once. */
  close(): Promise<void>;
}

/** The Contentstack host shell is opened at 127.0.0.1 and Lytics at localhost: two sites, as in production. */
export const contentstackUrlFor = (port: number): string => `http://127.0.0.1:${port}`;
export const lyticsUrlFor = (port: number): string => `http://localhost:${port}`;

/**
 * The fixture with the Lytics launch callback on the given origin registered, so the Contentstack
 * emulator accepts the redirect URI whatever port Lytics got.
 */
export function withLyticsLaunchCallback(fixture: Fixture, lyticsUrl: string): Fixture {
  const callback = new URL("/auth/contentstack/callback", lyticsUrl).toString();
  const client = fixture.lytics_launch_client;
  if (client.redirect_uris.includes(callback)) return fixture;
  // At most 10 redirect URIs are allowed (api-notes §B2.2): the new one goes first, the oldest goes.
  const redirect_uris = [callback, ...client.redirect_uris].slice(0, 10);
  return { ...fixture, lytics_launch_client: { ...client, redirect_uris } };
}

export async function startEmulators(
  options: StartEmulatorsOptions = {},
): Promise<RunningEmulators> {
  const csPort = options.csPort === 0 ? await findFreePort() : (options.csPort ?? 4010);
  const lyticsPort = options.lyticsPort === 0 ? await findFreePort() : (options.lyticsPort ?? 4020);
  const lyticsUrl = lyticsUrlFor(lyticsPort);
  const fixture = withLyticsLaunchCallback(options.fixture ?? loadFixture(), lyticsUrl);

  const contentstack = await startContentstackEmulator({
    port: csPort,
    fixture,
    publicUrl: contentstackUrlFor(csPort),
    lyticsUrl,
    logger: options.logger ?? false,
    ...(options.contentstackRateLimit === undefined
      ? {}
      : { rateLimit: options.contentstackRateLimit }),
  });
  let lytics: Awaited<ReturnType<typeof startLyticsEmulator>>;
  try {
    lytics = await startLyticsEmulator({
      port: lyticsPort,
      fixture,
      publicUrl: lyticsUrl,
      contentstackUrl: contentstack.url,
      contentstackStateVersion: contentstack.stateVersion,
      rateLimitPerSecond: options.lyticsRateLimitPerSecond ?? 20,
      logger: options.logger ?? false,
    });
  } catch (error) {
    await contentstack.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  const closeInOrder = async (): Promise<void> => {
    // Lytics first: it depends on Contentstack, never the other way round.
    const failures: unknown[] = [];
    for (const server of [lytics, contentstack]) {
      try {
        await server.close();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, "closing the emulators failed");
  };
  return {
    contentstack: { url: contentstack.url, port: contentstack.port },
    lytics: { url: lytics.url, port: lytics.port },
    close: () => (closing ??= closeInOrder()),
  };
}
