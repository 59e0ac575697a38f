import type { SyncRun } from "@lytics-access/store";

const OUTCOME_TONE: Readonly<Record<string, string>> = {
  applied: "la-badge-ok",
  "no-changes": "la-badge-ok",
  held: "la-badge-warn",
  failed: "la-badge-bad",
  aborted: "la-badge-bad",
};

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/** The organization's recent runs: when, why, how it ended, what it changed, how long it took. */
export function RunHistory({ runs }: { runs: readonly SyncRun[] }) {
  return (
    <section className="la-card" aria-labelledby="h-history" data-testid="run-history">
      <h2 id="h-history">Run history</h2>
      {runs.length === 0 ? (
        <p className="la-muted">No sync has run yet.</p>
      ) : (
        <table className="la-table">
          <caption>The last {runs.length} runs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Finished (UTC)</th>
              <th scope="col">Trigger</th>
              <th scope="col">Outcome</th>
              <th scope="col">Invites</th>
              <th scope="col">Role changes</th>
              <th scope="col">Removals</th>
              <th scope="col">API calls</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.runId} data-testid="run-row">
                <td>{new Date(run.finishedAt).toISOString().replace("T", " ").slice(0, 19)}</td>
                <td>{run.trigger}</td>
                <td>
                  <span className={`la-badge ${OUTCOME_TONE[run.outcome] ?? "la-badge-warn"}`}>
                    {run.outcome}
                  </span>
                  {run.error ? <div className="la-muted">{run.error}</div> : null}
                </td>
                <td>{run.counts.invites}</td>
                <td>{run.counts.roleChanges}</td>
                <td>{run.counts.removals}</td>
                <td>{run.counts.calls}</td>
                <td>{seconds(run.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
