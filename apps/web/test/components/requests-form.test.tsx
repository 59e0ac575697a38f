// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { RequestForm } from "@/app/(app)/requests/_components/request-form";
import { roleOptions } from "@/lib/server/requests/role-options";

const router = { push: vi.fn(), refresh: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const projects = [
  { uid: "p1001", name: "Acme Corporation" },
  { uid: "p1002", name: "Acme Campaigns" },
];

let calls: { url: string; init: RequestInit }[] = [];
function answer(status: number, body: unknown) {
  calls = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify(body), { status });
    }),
  );
}

beforeEach(() => {
  document.head.innerHTML = '<meta name="la-csrf" content="csrf-123">';
  router.push.mockReset();
  router.refresh.mockReset();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("RequestForm", () => {
  it("shows every Lytics role with what it grants, from the permissions catalogue", () => {
    render(
      <RequestForm projects={projects} projectUid={null} roles={roleOptions()} suggested={[]} />,
    );
    expect(screen.getAllByRole("checkbox")).toHaveLength(11);
    const audience = screen.getByRole("checkbox", { name: "Audience Manager" });
    // The description is the checkbox's accessible description (and the label's hover title).
    expect(audience.getAttribute("aria-describedby")).toBe("role-segment_manager-what");
    expect(document.getElementById("role-segment_manager-what")?.textContent).toMatch(
      /Shows .*Audiences.*Allows Audiences \(without PII\): view, create, edit, duplicate, delete/,
    );
    expect(document.getElementById("role-user_search-what")?.textContent).toMatch(
      /Personally Identifiable Information \(PII\): view/,
    );
  });

  it("offers only the roles the chosen project offers, with Lytics' own words beside the catalogue's", async () => {
    render(
      <RequestForm
        projects={[
          { uid: "p1001", name: "Acme Corporation" },
          {
            uid: "p1002",
            name: "Acme Campaigns",
            roles: ["observer", "segment_manager"],
            descriptions: { observer: "Read-only access to audiences and reports." },
          },
        ]}
        projectUid="p1002"
        roles={roleOptions()}
        suggested={["data_manager"]}
      />,
    );
    expect(screen.getAllByRole("checkbox").map((c) => c.getAttribute("value"))).toEqual([
      "segment_manager",
      "observer",
    ]);
    expect(document.getElementById("role-observer-what")?.textContent).toMatch(
      /^Read-only access to audiences and reports\. Shows /,
    );
    // The suggested Data Manager is not offered here, so nothing is picked.
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Project" }), "p1001");
    expect(screen.getAllByRole("checkbox")).toHaveLength(11);
  });

  it("preselects the project and role from the link and sends them with the reason and the CSRF token", async () => {
    answer(201, { request: { id: "r1" } });
    render(
      <RequestForm
        projects={projects}
        projectUid="p1002"
        roles={roleOptions()}
        suggested={["segment_manager"]}
      />,
    );
    expect((screen.getByRole("combobox", { name: "Project" }) as HTMLSelectElement).value).toBe(
      "p1002",
    );
    expect(
      (screen.getByRole("checkbox", { name: "Audience Manager" }) as HTMLInputElement).checked,
    ).toBe(true);
    await userEvent.type(screen.getByRole("textbox", { name: "Why you need it" }), "Summer sale");
    await userEvent.click(screen.getByRole("button", { name: "Send request" }));
    await waitFor(() => expect(router.push).toHaveBeenCalledWith("/requests?sent=1"));
    expect(calls[0]?.url).toBe("/api/requests");
    expect(new Headers(calls[0]?.init.headers).get("x-csrf-token")).toBe("csrf-123");
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      projectUid: "p1002",
      roles: ["segment_manager"],
      reason: "Summer sale",
    });
  });

  it("asks for a role and a reason before sending, and shows the server's refusal", async () => {
    answer(409, {
      error: "already-pending",
      reasons: ["You already have a pending request on Acme Campaigns."],
    });
    render(
      <RequestForm projects={projects} projectUid={null} roles={roleOptions()} suggested={[]} />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Send request" }));
    expect(screen.getByTestId("request-error").textContent).toBe("Pick at least one role.");
    await userEvent.click(screen.getByRole("checkbox", { name: "Observer" }));
    await userEvent.click(screen.getByRole("button", { name: "Send request" }));
    expect(screen.getByTestId("request-error").textContent).toBe("Say why you need it.");
    expect(calls).toHaveLength(0);
    await userEvent.type(screen.getByRole("textbox", { name: "Why you need it" }), "Reports");
    await userEvent.click(screen.getByRole("button", { name: "Send request" }));
    await waitFor(() =>
      expect(screen.getByTestId("request-error").textContent).toBe(
        "You already have a pending request on Acme Campaigns.",
      ),
    );
    expect(router.push).not.toHaveBeenCalled();
  });
});
