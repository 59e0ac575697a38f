/**
 * Closes what the launcher started in reverse order of starting (web before worker before the
 * emulators before Redis), once, logging each failure without stopping the rest.
 */
export class ShutdownStack {
  private readonly steps: Array<{ name: string; close: () => Promise<void> }> = [];
  private closing: Promise<void> | undefined;

  push(name: string, close: () => Promise<void>): void {
    this.steps.push({ name, close });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        try {
          await step.close();
          console.log(`[start] stopped ${step.name}`);
        } catch (error) {
          console.error(`[start] stopping ${step.name} failed:`, error);
        }
      }
    })();
    return this.closing;
  }
}
