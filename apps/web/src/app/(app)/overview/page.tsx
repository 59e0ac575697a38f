import type { Metadata } from "next";

import { dateTimeText } from "@/app/_components/utc-time";
import { readDalGate } from "@/lib/server/connect/dal-gate";
import { launchOptions } from "@/lib/server/connect/launch";
import { contactsText, orgContacts } from "@/lib/server/connect/org-contacts";
import { loadOverview, namesMatch } from "@/lib/server/overview";
import { pageSession } from "@/lib/server/page-session";
import { services } from "@/lib/server/services";

import { ConnectPanel } from "./_components/connect-panel";
import { DalCard } from "./_components/dal-card";
import { LaunchCard } from "./_components/launch-card";

export const metadata: Metadata = { title: "Overview · Data & Insights access" };
export const dynamic = "force-dynamic";

const STATUS = {
  connected: { label: "Connected", tone: "la-badge-ok" },
  "needs-reconnect": { label: "Needs reconnecting", tone: "la-badge-bad" },
  degraded: { label: "Having trouble", tone: "la-badge-warn" },
} as const;

/** The connection at a glance (issue 10 "Overview"). */
export default async function OverviewPage() {
  const state = await pageSession();
  if (state.status !== "active") return null; // the layout shows the way back
  const svc = services();
  const [data, gate] = await Promise.all([loadOverview(svc, state), readDalGate(svc, state)]);
  const [launch, contacts] = await Promise.all([
    launchOptions(svc, state, gate),
    data.canConnect ? Promise.resolve(null) : orgContacts(svc, state),
  ]);
  // Judged on every project of the organization; the badge sits beside the names shown.
  const match = data.namesMatch;
  const shownMatch = namesMatch(data.organizationName, data.projectNames);
  const install = data.installation;
  // Connected, its first-connection import plan not accepted yet: nothing is synced until it is.
  const importPending = install?.awaitingImport === true;
  const status = install ? STATUS[install.status] : null;
  return (
    <>
      <h1>Overview</h1>
      {match === false ? (
        <p className="la-notice la-notice-warn" role="alert" data-testid="name-mismatch">
          The Data &amp; Insights account name does not match the organization name. They must be
          the same: rename the account in Data &amp; Insights, or check that this is the right
          organization.
        </p>
      ) : null}
      <DalCard gate={gate} />
      <div className="la-grid">
        <section className="la-card" aria-labelledby="h-accounts">
          <h2 id="h-accounts">Organization and account</h2>
          <dl className="la-dl">
            <dt>Organization</dt>
            <dd data-testid="org-name">{data.organizationName ?? "(could not be read)"}</dd>
            <dt>Data &amp; Insights projects</dt>
            <dd data-testid="account-names">
              {data.projectNames === null
                ? "(could not be read)"
                : data.projectNames.length > 0
                  ? data.projectNames.join(", ")
                  : data.listsEveryProject || data.organizationProjectCount === 0
                    ? "No project yet"
                    : `None you are on${data.organizationProjectCount === null ? "" : ` (the organization has ${data.organizationProjectCount})`}`}{" "}
              {shownMatch === true ? (
                <span className="la-badge la-badge-ok">Names match</span>
              ) : null}
              {match === false ? (
                <span className="la-badge la-badge-warn">Names differ</span>
              ) : null}
            </dd>
          </dl>
        </section>
        <section className="la-card" aria-labelledby="h-sync">
          <h2 id="h-sync">Background sync</h2>
          <dl className="la-dl">
            <dt>Status</dt>
            <dd data-testid="sync-status">
              {status ? (
                <span className={`la-badge ${status.tone}`}>{status.label}</span>
              ) : (
                <span className="la-badge la-badge-warn">Not connected</span>
              )}
            </dd>
            {install ? (
              <>
                <dt>Connected by</dt>
                <dd>
                  {install.connectedBy.name ?? install.connectedBy.email},{" "}
                  {dateTimeText(install.connectedAt)}
                </dd>
              </>
            ) : null}
            <dt>Last sync</dt>
            <dd data-testid="last-sync">
              {data.lastRun
                ? `${dateTimeText(data.lastRun.finishedAt ?? data.lastRun.startedAt)}: ${data.lastRun.outcome}`
                : "No sync has run yet"}
            </dd>
            <dt>Plans held</dt>
            <dd data-testid="held-plans">
              {data.heldPlansWaiting === 0
                ? "None waiting"
                : `${data.heldPlansWaiting} waiting for approval`}
            </dd>
          </dl>
          {install?.status === "needs-reconnect" && install.statusReason ? (
            <p className="la-notice la-notice-bad">{install.statusReason}</p>
          ) : null}
          {install &&
          install.status !== "needs-reconnect" &&
          !importPending ? null : data.canConnect ? (
            <ConnectPanel
              appUrl={svc.env.APP_URL}
              orgUid={state.session.orgUid}
              label={install ? "Reconnect" : "Connect"}
              importPending={importPending}
            />
          ) : (
            <p className="la-muted" style={{ marginTop: 16 }} data-testid="ask-admin">
              {install ? "To reconnect" : "To connect"} the sync, ask {contactsText(contacts)}.
            </p>
          )}
        </section>
        <LaunchCard answer={launch} />
      </div>
    </>
  );
}
