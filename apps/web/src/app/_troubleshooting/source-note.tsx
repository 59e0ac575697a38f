/** Says where the roles came from, and any part that could not be read. */
export function SourceNote({
  source,
  problems,
}: {
  source: "organization" | "person";
  problems: readonly string[];
}) {
  return (
    <>
      <p className="la-muted" data-testid="source">
        Roles read just now from Data &amp; Insights with{" "}
        {source === "organization"
          ? "your organization's connection (the one the background sync uses)"
          : "your own sign-in (the organization is not connected, so only your projects are seen)"}
        .
      </p>
      {problems.map((problem) => (
        <p key={problem} className="la-notice la-notice-warn" role="alert">
          {problem}
        </p>
      ))}
    </>
  );
}
