import type { PolicyVersionView } from "@/lib/server/policy/policy-view";

/** Every saved version: who changed what, when, and why. */
export function PolicyHistory({ history }: { history: readonly PolicyVersionView[] }) {
  return (
    <section className="la-card" aria-labelledby="h-policy-history" data-testid="policy-history">
      <h2 id="h-policy-history">Version history</h2>
      {history.length === 0 ? (
        <p className="la-muted">
          Never edited: the organization runs on the default policy (seed 000).
        </p>
      ) : (
        <table className="la-table">
          <caption>Saved versions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Saved (UTC)</th>
              <th scope="col">By</th>
              <th scope="col">What changed</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry) => (
              <tr key={entry.version}>
                <td>{entry.version}</td>
                <td>{new Date(entry.changedAt).toISOString().replace("T", " ").slice(0, 16)}</td>
                <td>{entry.changedBy}</td>
                <td>
                  {entry.changes.length === 0 ? (
                    <span className="la-muted">No change to the roles</span>
                  ) : (
                    <ul>
                      {entry.changes.map((change) => (
                        <li key={change}>{change}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{entry.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
