import type { Clock } from "../clock";
import { decideRetry, type RetryOptions } from "./retry-policy";

export interface WithRetryContext {
  readonly safeToRepeat: boolean;
  readonly options: Required<RetryOptions>;
  readonly clock: Clock;
  readonly random: () => number;
  readonly signal?: AbortSignal | undefined;
  /** Called before each wait, for logs. */
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** Runs `attempt` until it succeeds or {@link decideRetry} says stop; rethrows the last error. */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  context: WithRetryContext,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (context.signal?.aborted) throw error;
      const decision = decideRetry(
        error,
        attemptNumber,
        context.safeToRepeat,
        context.options,
        context.random,
      );
      if (!decision.retry) throw error;
      context.onRetry?.(error, attemptNumber, decision.delayMs);
      await context.clock.sleep(decision.delayMs, context.signal);
    }
  }
}
