import { pino, type Logger } from "pino";

/**
 * Paths pino blanks out. The client never logs credentials on purpose; these catch the accidents
 * (a header object, a token response, an error carrying a request config).
 */
export const REDACT_PATHS: readonly string[] = [
  "authorization",
  "authtoken",
  "accessToken",
  "refreshToken",
  "access_token",
  "refresh_token",
  "clientSecret",
  "client_secret",
  "codeVerifier",
  "code_verifier",
  "code",
  "token",
  "headers.authorization",
  "headers.authtoken",
  "headers.cookie",
  "*.authorization",
  "*.authtoken",
  "*.accessToken",
  "*.refreshToken",
  "*.access_token",
  "*.refresh_token",
  "*.clientSecret",
  "*.client_secret",
  "*.codeVerifier",
  "*.code_verifier",
  "*.token",
  "*.headers.authorization",
  "*.headers.authtoken",
];

export type { Logger };

/** The package's default logger: JSON to stdout, warnings and up, credentials redacted. */
export function createContentstackLogger(
  options: { level?: string; destination?: NodeJS.WritableStream } = {},
): Logger {
  const base = {
    name: "contentstack",
    level: options.level ?? "warn",
    redact: { paths: [...REDACT_PATHS], censor: "[redacted]" },
  };
  return options.destination ? pino(base, options.destination) : pino(base);
}

/** Header names whose values never reach a log line, whatever logger the caller passed. */
const SECRET_HEADERS = new Set(["authorization", "authtoken", "cookie", "set-cookie"]);

/** A copy of `headers` fit for logging: secret values replaced, everything else kept. */
export function loggableHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? "[redacted]" : value;
  });
  return out;
}
