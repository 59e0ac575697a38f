import type { Metadata } from "next";
import Link from "next/link";

import { authorize } from "@/lib/server/authorize";
import { pageSession } from "@/lib/server/page-session";
import { loadProjectContext } from "@/lib/server/projects/project-context";
import {
  projectDetail,
  requestAccessHref,
  type ProjectDetail,
} from "@/lib/server/projects/project-view";
import { services } from "@/lib/server/services";

import { CollaboratorTable } from "../_components/collaborator-table";
import { ConnectionsCard } from "../_components/connections-card";
import { DeleteProject } from "../_components/delete-project";
import { InviteForm } from "../_components/invite-form";
import { ProjectForm } from "../_components/project-form";
import styles from "../_components/projects.module.css";

export const metadata: Metadata = { title: "Project · Data & Insights access" };
export const dynamic = "force-dynamic";

function NotAvailable({ uid, reason }: { uid: string; reason: string }) {
  return (
    <>
      <h1>Project not available</h1>
      <section className="la-card" data-testid="not-available">
        <p>{reason}</p>
        <p>
          <Link className="la-button" href={requestAccessHref(uid)}>
            Request access
          </Link>{" "}
          <Link href="/projects">Back to your projects</Link>
        </p>
      </section>
    </>
  );
}

/** One project: its details, connections, collaborators and every action as DESIGN §3.3 allows. */
export default async function ProjectPage({ params }: { params: Promise<{ uid: string }> }) {
  const state = await pageSession();
  if (state.status !== "active") return null; // the layout shows the way back
  const { uid } = await params;
  const svc = services();
  let detail: ProjectDetail | null = null;
  try {
    const context = await loadProjectContext(svc, state, uid);
    if (!context)
      return (
        <NotAvailable
          uid={uid}
          reason="This project does not exist, or you are not on it: Data & Insights shows a Member only the projects they are on or own."
        />
      );
    const view = authorize(state.person, "project.view-dashboard", context.resource);
    if (!view.allowed) return <NotAvailable uid={uid} reason={view.reasons[0] ?? "Not allowed."} />;
    detail = await projectDetail(svc, state, context);
  } catch (error) {
    return (
      <>
        <h1>Project</h1>
        <p className="la-notice la-notice-bad" role="alert">
          The project could not be read: {error instanceof Error ? error.message : String(error)}
        </p>
      </>
    );
  }
  const { project, actions } = detail;
  return (
    <>
      <p>
        <Link href="/projects">← Projects</Link>
      </p>
      <h1>{project.name}</h1>
      <p data-testid="my-access">
        <span className="la-badge la-badge-ok">{detail.access}</span>{" "}
        {detail.requestAccessHref ? (
          <Link href={detail.requestAccessHref}>Request access</Link>
        ) : null}
      </p>
      <div className={styles.stack}>
        <section className="la-card" aria-labelledby="h-general">
          <h2 id="h-general">General</h2>
          <ProjectForm
            key={detail.etag}
            mode="edit"
            gate={actions.edit}
            projectUid={project.uid}
            etag={detail.etag}
            initial={{
              name: project.name,
              domain: project.domain,
              description: project.description,
            }}
          />
        </section>
        <ConnectionsCard project={project} etag={detail.etag} gate={actions.connections} />
        <section className="la-card" aria-labelledby="h-people">
          <h2 id="h-people">Collaborators</h2>
          <CollaboratorTable
            projectUid={project.uid}
            projectName={project.name}
            rows={detail.collaborators}
            roles={detail.roles}
          />
        </section>
        <section className="la-card" aria-labelledby="h-invite">
          <h2 id="h-invite">Invite collaborators</h2>
          <InviteForm projectUid={project.uid} gate={actions.invite} roles={detail.roles} />
        </section>
        <DeleteProject
          projectUid={project.uid}
          projectName={project.name}
          etag={detail.etag}
          gate={actions.delete}
        />
      </div>
    </>
  );
}
