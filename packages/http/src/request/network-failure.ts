/**
 * What undici's `TypeError: fetch failed` hides in its `cause`. A refused connection matters to
 * retries: nothing reached the service, so even a write that is unsafe to repeat can be retried.
 * `localhost` resolves to two addresses, so the cause can be an AggregateError of both failures.
 */
export function describeNetworkFailure(error: unknown): {
  message: string;
  refused: boolean;
  redirect: boolean;
} {
  const causes = collectCauses((error as { cause?: unknown }).cause);
  const codes = causes
    .map((cause) => cause.code)
    .filter((code): code is string => typeof code === "string");
  const refused = codes.length > 0 && codes.every((code) => code === "ECONNREFUSED");
  // undici rejects with "unexpected redirect" when `redirect: "error"` meets a 3xx.
  const redirect = causes.some((cause) => /redirect/i.test(cause.message ?? ""));
  const detail =
    codes[0] ?? causes.find((cause) => cause.message)?.message ?? (error as Error).message;
  return {
    message: refused ? "connection refused" : `connection failed (${detail})`,
    refused,
    redirect,
  };
}

interface CauseLike {
  code?: unknown;
  message?: string;
}

function collectCauses(cause: unknown): CauseLike[] {
  if (cause === null || typeof cause !== "object") return [];
  const errors = (cause as { errors?: unknown }).errors;
  if (Array.isArray(errors) && errors.length > 0)
    return errors.flatMap((inner) => collectCauses(inner));
  const { code, message } = cause as { code?: unknown; message?: unknown };
  return [{ code, ...(typeof message === "string" ? { message } : {}) }];
}
