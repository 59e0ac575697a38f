import "server-only";

/**
 * Live updates of the Sync page as Server-Sent Events.
 *
 * Why a stream rather than the browser polling every 2 s: one request carries every change within
 * about a second of it, the server sends only when something changed (the session is checked once
 * per stream, not once per poll), and EventSource reconnects by itself, which also re-checks the
 * session. The stream reads the organization's status (installation, run history, held plans and
 * the BullMQ job states) every `intervalMs`, and ends when the browser goes away (the request's
 * signal, or the reader cancelling) or after `lifetimeMs`, so no stream outlives its session for
 * long.
 */
export interface SyncEventsOptions {
  /** @defaultValue 1000 */
  readonly intervalMs?: number;
  /** @defaultValue 5 minutes; the browser reconnects after `retry`. */
  readonly lifetimeMs?: number;
  /** A comment line this often keeps proxies from closing a quiet stream. @defaultValue 15000 */
  readonly heartbeatMs?: number;
}

const encoder = new TextEncoder();

export function syncEventsResponse(
  read: () => Promise<unknown>,
  signal: AbortSignal,
  options: SyncEventsOptions = {},
): Response {
  const intervalMs = options.intervalMs ?? 1000;
  const lifetimeMs = options.lifetimeMs ?? 5 * 60_000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  let stopped = false;
  let wake: (() => void) | undefined;
  const stop = () => {
    stopped = true;
    wake?.();
  };
  signal.addEventListener("abort", stop, { once: true });
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!stopped) controller.enqueue(encoder.encode(text));
      };
      send(`retry: 2000\n\n`);
      const endAt = Date.now() + lifetimeMs;
      let last = "";
      let lastSentAt = Date.now();
      while (!stopped && Date.now() < endAt) {
        try {
          const data = JSON.stringify(await read());
          if (data !== last) {
            send(`event: status\ndata: ${data}\n\n`);
            last = data;
            lastSentAt = Date.now();
          } else if (Date.now() - lastSentAt >= heartbeatMs) {
            send(`: still here\n\n`);
            lastSentAt = Date.now();
          }
        } catch (error) {
          send(
            `event: problem\ndata: ${JSON.stringify({ reason: error instanceof Error ? error.message : String(error) })}\n\n`,
          );
        }
        await pause(intervalMs);
      }
      signal.removeEventListener("abort", stop);
      if (!signal.aborted) {
        try {
          controller.close();
        } catch {
          // Already cancelled by the reader.
        }
      }
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
