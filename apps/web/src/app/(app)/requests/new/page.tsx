import { isLyticsRoleSlug, resolveRole } from "@lytics-access/permissions";
import type { Metadata } from "next";

import { pageSession } from "@/lib/server/page-session";
import { requestableProjects } from "@/lib/server/requests/request-project";
import { roleOptions } from "@/lib/server/requests/role-options";
import { services } from "@/lib/server/services";

import { RequestForm } from "../_components/request-form";

export const metadata: Metadata = { title: "Request access · Data & Insights access" };
export const dynamic = "force-dynamic";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The role a link suggests, by name or slug; anything else is ignored. */
function suggestedSlug(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const slug = resolveRole(value);
    return isLyticsRoleSlug(slug) ? [slug] : [];
  } catch {
    return [];
  }
}

/** Ask for a role on a project (`?project=<uid>&role=<name or slug>` preselect them). */
export default async function NewRequestPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const state = await pageSession();
  if (state.status !== "active") return null;
  const params = await searchParams;
  const projects = await requestableProjects(services(), state);
  const wanted = first(params.project);
  const known = projects.some((p) => p.uid === wanted);
  return (
    <>
      <h1>Request access</h1>
      <p className="la-muted">
        Ask for one or more Data &amp; Insights roles on a project. The project&apos;s owner and
        your organization&apos;s Owner and Admins see the request; once approved, the sync gives you
        the roles within seconds.
      </p>
      {wanted && !known ? (
        <p className="la-notice la-notice-warn" role="alert">
          The link named a project this organization does not have; pick one below.
        </p>
      ) : null}
      {projects.length === 0 ? (
        <p className="la-notice la-notice-warn" role="alert">
          The organization&apos;s projects could not be read now. Try again later, or ask your
          organization Owner or an Admin directly.
        </p>
      ) : (
        <RequestForm
          projects={projects}
          projectUid={known ? (wanted ?? null) : null}
          roles={roleOptions()}
          suggested={suggestedSlug(first(params.role))}
        />
      )}
    </>
  );
}
