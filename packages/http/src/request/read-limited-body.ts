import { ResponseTooLargeError } from "../errors/response-too-large-error";
import type { ApiErrorDetails } from "../errors/api-error";

/**
 * Reads a body as UTF-8 text, streaming, and stops past `limitBytes`: the stream is cancelled
 * (closing the connection) and {@link ResponseTooLargeError} thrown, so a huge or endless body
 * never sits in memory. A declared Content-Length over the limit is refused before reading.
 */
export async function readLimitedBody(
  response: Response,
  limitBytes: number,
  details: ApiErrorDetails,
): Promise<string> {
  const tooLarge = () =>
    new ResponseTooLargeError(
      `${details.operation ?? "the call"} answered more than ${limitBytes} bytes; reading stopped`,
      { ...details, status: response.status, limitBytes },
    );
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limitBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
