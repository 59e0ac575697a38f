// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { SignOutButton } from "@/app/_components/sign-out-button";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.head.innerHTML = "";
});

describe("SignOutButton", () => {
  it("posts the sign-out with the session's CSRF token, then shows the signed-out page", async () => {
    document.head.innerHTML = '<meta name="la-csrf" content="csrf-123">';
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ signedIn: false })));
    vi.stubGlobal("fetch", fetchMock);
    const assign = vi.fn();
    vi.stubGlobal("location", { ...window.location, assign });
    render(<SignOutButton />);
    fireEvent.click(screen.getByRole("button", { name: "Sign out of the app" }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith("/signed-out"));
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/auth/sign-out");
    expect(init.method).toBe("POST");
    expect((init.headers as Record<string, string>)["x-csrf-token"]).toBe("csrf-123");
  });

  it("says why when the server refuses, and stays", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              reasons: ["State-changing requests must come from the app's own pages."],
            }),
            {
              status: 403,
            },
          ),
      ),
    );
    render(<SignOutButton />);
    fireEvent.click(screen.getByRole("button", { name: "Sign out of the app" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/app's own pages/);
    expect(screen.getByRole("button", { name: "Sign out of the app" })).toHaveProperty(
      "disabled",
      false,
    );
  });
});
