import { describe, expect, it, vi } from "vitest";

import { ShutdownStack } from "./shutdown-stack";

describe("ShutdownStack", () => {
  it("closes in reverse order of starting, once, and goes on past a failure", async () => {
    const order: string[] = [];
    const stack = new ShutdownStack();
    stack.push("redis", async () => void order.push("redis"));
    stack.push("emulators", async () => {
      order.push("emulators");
      throw new Error("port already closed");
    });
    stack.push("web", async () => void order.push("web"));
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "log").mockImplementation(() => undefined);

    await Promise.all([stack.close(), stack.close()]);

    expect(order).toEqual(["web", "emulators", "redis"]);
    expect(errors).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
  });
});
