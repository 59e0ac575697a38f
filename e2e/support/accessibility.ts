// axe on every page of ours a test visits: no serious or critical violation. Inside the host shell
// only the app's frame is judged (the shell stands in for Contentstack's own pages): axe-core runs
// in that frame's own document, which is also much faster than analysing the host page around it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { expect, test, type Frame, type Page } from "@playwright/test";

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);
const BLOCKING = new Set(["serious", "critical"]);

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

export async function expectAccessible(target: Page | Frame, label: string): Promise<void> {
  await test.step(`axe: ${label}`, async () => {
    const hasAxe = await target.evaluate(() => "axe" in window);
    if (!hasAxe) await target.evaluate(axeSource);
    const violations = await target.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (context: Document) => Promise<{ violations: unknown[] }> };
        }
      ).axe;
      return (await axe.run(document)).violations;
    });
    const blocking = (violations as AxeViolation[])
      .filter((violation) => BLOCKING.has(violation.impact ?? ""))
      .map((violation) => ({
        rule: violation.id,
        help: violation.help,
        nodes: violation.nodes.map(
          (node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`,
        ),
      }));
    expect(blocking, `serious or critical accessibility violations on ${label}`).toEqual([]);
  });
}
