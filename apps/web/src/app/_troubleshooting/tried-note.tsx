import { TRIED_PATHS } from "@/lib/server/troubleshooting/handlers";

/** Says which address brought the person here (e.g. /login), when it was one of ours. */
export function TriedNote({ tried }: { tried: string | undefined }) {
  if (!tried || !(tried in TRIED_PATHS)) return null;
  return (
    <p className="la-notice la-notice-info" data-testid="tried">
      You opened <code>/{tried}</code>. There is no such page here: Data &amp; Insights has no login
      form and no password of its own.
    </p>
  );
}
