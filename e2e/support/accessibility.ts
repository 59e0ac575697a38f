// axe on every page of ours a test visits: no serious or critical violation. Inside the host shell
// only the app's frame is judged (the shell stands in for Contentstack's own pages).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const BLOCKING = new Set(["serious", "critical"]);

export async function expectAccessible(
  page: Page,
  options: { scope: "app-frame" | "page"; label: string },
): Promise<void> {
  await test.step(`axe: ${options.label}`, async () => {
    const builder = new AxeBuilder({ page });
    if (options.scope === "app-frame")
      builder.include([["iframe[data-testid='app-extension-frame']", "body"]]);
    const results = await builder.analyze();
    const blocking = results.violations
      .filter((violation) => BLOCKING.has(violation.impact ?? ""))
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map(
          (node) => `${node.target.join(" >>> ")}: ${node.failureSummary ?? ""}`,
        ),
      }));
    expect(blocking, `serious or critical accessibility violations on ${options.label}`).toEqual(
      [],
    );
  });
}
