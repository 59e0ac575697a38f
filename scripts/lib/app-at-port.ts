// The fixture registers the app at http://localhost:3000 (its full-page URL and OAuth redirect
// URIs). When WEB_PORT moves the web app, the emulated Contentstack must embed and redirect to
// where it really runs, so the launcher moves those URLs with it; nothing else in the world changes.
import type { Fixture } from "@lytics-access/emulators";

function atPort(url: string, port: number): string {
  const parsed = new URL(url);
  if (parsed.hostname !== "localhost") return url;
  parsed.port = String(port);
  return parsed.toString();
}

export function appAtPort(fixture: Fixture, port: number): Fixture {
  return {
    ...fixture,
    app: {
      ...fixture.app,
      global_full_page_url: atPort(fixture.app.global_full_page_url, port),
      redirect_uris: fixture.app.redirect_uris.map((uri) => atPort(uri, port)),
    },
  };
}
