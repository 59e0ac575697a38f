import { env } from "@/env";

import { EntryClient } from "./_components/entry-client";

export const dynamic = "force-dynamic";

/** The Global Full Page location's URL: the App SDK handshake, then the session. */
export default function EntryPage() {
  const e = env();
  return (
    <EntryClient
      appUrl={e.APP_URL}
      contentstackUrl={e.CONTENTSTACK_APP_URL ?? null}
      localMode={e.localMode}
    />
  );
}
