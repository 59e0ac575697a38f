import type { Metadata } from "next";

import { authorize } from "@/lib/server/authorize";
import { pageSession } from "@/lib/server/page-session";
import { loadPolicyView } from "@/lib/server/policy/policy-view";
import { services } from "@/lib/server/services";

import { PolicyForm } from "./_components/policy-form";
import { PolicyHistory } from "./_components/policy-history";
import styles from "./_components/policy.module.css";

export const metadata: Metadata = { title: "Policy · Data & Insights access" };
export const dynamic = "force-dynamic";

/** The mapping policy (issue 11 "Policy"): the Owner edits it, Admins view it. */
export default async function PolicyPage() {
  const state = await pageSession();
  if (state.status !== "active") return null; // the layout shows the way back
  const view = authorize(state.person, "policy.view");
  if (!view.allowed)
    return (
      <>
        <h1>Policy</h1>
        <p className="la-notice la-notice-warn" data-testid="policy-refused">
          {view.reasons[0]} <span className="la-muted">({view.rule})</span>
        </p>
      </>
    );
  const policy = await loadPolicyView(services().policy, state.session.orgUid);
  const edit = authorize(state.person, "policy.edit");
  return (
    <>
      <h1>Policy</h1>
      <p className="la-muted">
        Which Lytics roles each Data &amp; Insights access level writes (Owner: Admin; Admin:
        Editor; a Member: the level they are granted; Guests: nothing unless granted on a project).
        {policy.saved ? "" : " The organization runs on the default policy."}
      </p>
      <section className="la-card" aria-labelledby="h-policy-edit">
        <h2 id="h-policy-edit">Mapping policy</h2>
        <PolicyForm
          view={policy}
          canEdit={edit.allowed}
          editRefusal={edit.allowed ? undefined : edit.reasons[0]}
        />
      </section>
      <div className={styles.section}>
        <PolicyHistory history={policy.history} />
      </div>
    </>
  );
}
