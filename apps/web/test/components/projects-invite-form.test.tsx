// @vitest-environment happy-dom
import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { InviteForm } from "@/app/(app)/projects/_components/invite-form";
import type { Gate } from "@/lib/server/projects/project-view";
import { roleOptions } from "@/lib/server/projects/role-options";

import { answerOnce, stubFetchPerTest } from "./support/stub-fetch";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push: vi.fn() }) }));

const fetchMock = stubFetchPerTest();
afterEach(() => refresh.mockReset());

const ALLOWED: Gate = { allowed: true, rule: "project.guard.passed", reasons: ["allowed"] };
const ROLES = roleOptions([{ slug: "observer", name: "Observer", description: "Read-only." }]);

const invite = (emails: string) => {
  render(<InviteForm projectUid="p1" gate={ALLOWED} roles={ROLES} />);
  fireEvent.change(screen.getByLabelText("Emails"), { target: { value: emails } });
  fireEvent.click(screen.getByRole("checkbox", { name: "Observer" }));
  fireEvent.click(screen.getByRole("button", { name: "Invite" }));
};

describe("the invite form", () => {
  it("says who was invited in muted text, and clears the emails", async () => {
    answerOnce(fetchMock, 201, { invited: ["a@acme.test", "b@acme.test"], notes: [] });
    invite("a@acme.test, b@acme.test");
    const notice = await screen.findByText("Invited 2 people.");
    expect(notice.className).toBe("la-muted");
    expect((screen.getByLabelText("Emails") as HTMLTextAreaElement).value).toBe("");
    expect(refresh).toHaveBeenCalled();
  });

  it("shows the server's notes as a refusal notice beside the count", async () => {
    answerOnce(fetchMock, 201, {
      invited: ["a@acme.test"],
      notes: ["b@acme.test is not a member."],
    });
    invite("a@acme.test");
    const notice = await screen.findByText("Invited 1 person. b@acme.test is not a member.");
    expect(notice.className).toBe("la-notice la-notice-bad");
  });

  it("shows a field error under the emails, tied to the field, and no notice", async () => {
    answerOnce(fetchMock, 400, {
      error: "invalid-fields",
      fields: { emails: [{ code: "email", message: "x@ is not an email address." }] },
    });
    invite("x@");
    const error = await screen.findByText("x@ is not an email address.");
    const emails = screen.getByLabelText("Emails");
    expect(emails.getAttribute("aria-invalid")).toBe("true");
    expect(emails.getAttribute("aria-describedby")?.split(" ")).toContain(error.id);
    expect(document.querySelector(".la-notice")).toBeNull();
  });

  it("shows any other refusal's reason as a refusal notice", async () => {
    answerOnce(fetchMock, 403, { error: "forbidden", reasons: ["Only project owners invite."] });
    invite("a@acme.test");
    const notice = await screen.findByText("Only project owners invite.");
    expect(notice.className).toBe("la-notice la-notice-bad");
    expect(refresh).not.toHaveBeenCalled();
  });
});
