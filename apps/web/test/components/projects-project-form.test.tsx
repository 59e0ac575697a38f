// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { ProjectForm } from "@/app/(app)/projects/_components/project-form";
import type { Gate } from "@/lib/server/projects/project-view";

import { answerOnce, stubFetchPerTest } from "./support/stub-fetch";

const refresh = vi.fn();
const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push }) }));

const fetchMock = stubFetchPerTest();
afterEach(() => {
  refresh.mockReset();
  push.mockReset();
});

const ALLOWED: Gate = { allowed: true, rule: "project.precedence.org-admin", reasons: ["ok"] };
const answer = (status: number, body: unknown) => answerOnce(fetchMock, status, body);

describe("the project form", () => {
  it("shows the API's field errors beside each field", async () => {
    answer(400, {
      error: "invalid-fields",
      fields: {
        name: [
          {
            code: "lytics.PROJECTS.DUPLICATE_PROJECT_NAME",
            message: "Another project of this organization already has this name.",
          },
        ],
        description: [
          { code: "lytics.PROJECTS.MAX_CHAR_LIMIT", message: "At most 255 characters." },
        ],
      },
    });
    render(<ProjectForm mode="create" gate={ALLOWED} />);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Acme Corporation" } });
    fireEvent.change(screen.getByLabelText("Domain"), { target: { value: "acme.test" } });
    fireEvent.click(screen.getByRole("button", { name: "Create project" }));
    await waitFor(() => expect(screen.getByTestId("error-name")).toBeTruthy());
    const name = screen.getByLabelText("Name");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(name.getAttribute("aria-describedby")).toContain(screen.getByTestId("error-name").id);
    expect(screen.getByTestId("error-name").textContent).toBe(
      "Another project of this organization already has this name.",
    );
    expect(screen.getByTestId("error-description").textContent).toBe("At most 255 characters.");
    expect(screen.queryByTestId("error-domain")).toBeNull();
    expect(screen.getByLabelText("Domain").getAttribute("aria-invalid")).toBeNull();
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/projects");
    expect(JSON.parse(String(init.body))).toEqual({
      name: "Acme Corporation",
      domain: "acme.test",
      description: "",
    });
  });

  it("edits with the version read; a stale edit is reported with a way to reload", async () => {
    answer(409, {
      error: "stale-edit",
      reasons: ["The project was changed by someone else since you opened it."],
    });
    render(
      <ProjectForm
        mode="edit"
        gate={ALLOWED}
        projectUid="p1"
        etag='"v1"'
        initial={{ name: "Web", domain: "web.test", description: "" }}
      />,
    );
    fireEvent.change(screen.getByLabelText("Description"), { target: { value: "New words" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() =>
      expect(screen.getByTestId("form-notice").textContent).toMatch(/changed by someone else/),
    );
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/projects/p1");
    expect(init.method).toBe("PUT");
    expect((init.headers as Record<string, string>)["if-match"]).toBe('"v1"');
    fireEvent.click(screen.getByRole("button", { name: "Reload" }));
    expect(refresh).toHaveBeenCalled();
  });

  it("a person who may not edit sees the fields disabled and why", () => {
    render(
      <ProjectForm
        mode="edit"
        gate={{
          allowed: false,
          rule: "project.precedence.denied",
          reasons: ["project.edit is denied: it needs account.edit from the project roles."],
        }}
        projectUid="p1"
        etag='"v1"'
        initial={{ name: "Web", domain: "web.test", description: "" }}
      />,
    );
    expect((screen.getByLabelText("Name") as HTMLInputElement).disabled).toBe(true);
    expect(
      (screen.getByRole("button", { name: "Save changes" }) as HTMLButtonElement).disabled,
    ).toBe(true);
    const form = screen.getByTestId("project-form-edit");
    const reason = document.getElementById(form.getAttribute("aria-describedby") ?? "");
    expect(reason?.textContent).toMatch(/needs account.edit/);
    expect(reason?.getAttribute("data-rule")).toBe("project.precedence.denied");
  });

  it("a created project opens its page", async () => {
    answer(201, { project: { uid: "p9" }, etag: '"v"' });
    render(<ProjectForm mode="create" gate={ALLOWED} />);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Lab" } });
    fireEvent.change(screen.getByLabelText("Domain"), { target: { value: "lab.test" } });
    fireEvent.click(screen.getByRole("button", { name: "Create project" }));
    await waitFor(() => expect(push).toHaveBeenCalledWith("/projects/p9"));
  });
});
