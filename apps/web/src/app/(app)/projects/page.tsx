import type { Metadata } from "next";
import Link from "next/link";

import { pageSession } from "@/lib/server/page-session";
import { listProjectsFor, type ProjectList } from "@/lib/server/projects/project-list";
import { services } from "@/lib/server/services";

import { ProjectForm } from "./_components/project-form";
import styles from "./_components/projects.module.css";

export const metadata: Metadata = { title: "Projects · Data & Insights access" };
export const dynamic = "force-dynamic";

/** The projects each person may see (DESIGN §3.3), and creating one (issue 11 "Projects"). */
export default async function ProjectsPage() {
  const state = await pageSession();
  if (state.status !== "active") return null; // the layout shows the way back
  let list: ProjectList | null = null;
  let problem: string | null = null;
  try {
    list = await listProjectsFor(services(), state);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const orgAdmin = state.person.role === "owner" || state.person.role === "admin";
  return (
    <>
      <h1>Projects</h1>
      <p className="la-muted">
        {orgAdmin
          ? "As an organization Owner or Admin you see every Data & Insights project of the organization."
          : "You see the projects you own or are on; organization membership alone gives no project access."}
      </p>
      {problem ? (
        <p className="la-notice la-notice-bad" role="alert">
          Your projects could not be read: {problem}
        </p>
      ) : null}
      {list ? (
        <div className={styles.stack}>
          <section className="la-card" aria-labelledby="h-projects">
            <h2 id="h-projects">Your projects</h2>
            {list.projects.length === 0 ? (
              <p data-testid="no-projects">
                {orgAdmin ? "The organization has no project yet." : "You are not on any project."}
              </p>
            ) : (
              <table className={`la-table ${styles.table}`} data-testid="project-list">
                <caption className={styles.visuallyHidden}>Projects you may see</caption>
                <thead>
                  <tr>
                    <th scope="col">Project</th>
                    <th scope="col">Domain</th>
                    <th scope="col">Your access</th>
                    <th scope="col">Connections</th>
                    <th scope="col">
                      <span className={styles.visuallyHidden}>More access</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.projects.map((project) => (
                    <tr key={project.uid}>
                      <td>
                        <Link href={`/projects/${encodeURIComponent(project.uid)}`}>
                          {project.name}
                        </Link>
                        {project.description ? (
                          <div className="la-muted">{project.description}</div>
                        ) : null}
                      </td>
                      <td>{project.domain}</td>
                      <td>{project.access}</td>
                      <td>{project.connectionCount}</td>
                      <td>
                        {project.requestAccessHref ? (
                          <Link
                            href={project.requestAccessHref}
                            aria-label={`Request access to ${project.name}`}
                          >
                            Request access
                          </Link>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {list.hiddenCount ? (
              <p className="la-muted" data-testid="hidden-count">
                The organization has {list.hiddenCount} other{" "}
                {list.hiddenCount === 1 ? "project" : "projects"} you are not on.{" "}
                <Link href="/requests/new">Request access</Link>
              </p>
            ) : null}
          </section>
          <section className="la-card" aria-labelledby="h-create">
            <h2 id="h-create">Create a project</h2>
            <p className="la-muted">You become its owner, with full access to it.</p>
            <ProjectForm mode="create" gate={list.create} />
          </section>
        </div>
      ) : null}
    </>
  );
}
