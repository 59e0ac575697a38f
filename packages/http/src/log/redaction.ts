/**
 * Field names whose values never reach a log line: credentials of both services and of OAuth.
 * The clients never log these on purpose; the list catches the accidents (a header object, a token
 * response, an error carrying a request config).
 */
export const SECRET_FIELDS: readonly string[] = [
  "authorization",
  "authtoken",
  "cookie",
  "cookies",
  "set-cookie",
  "token",
  "apiToken",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "idToken",
  "id_token",
  "clientSecret",
  "client_secret",
  "codeVerifier",
  "code_verifier",
  "code",
  "password",
  "app-token",
];

const SECRET_NAMES = new Set(SECRET_FIELDS.map((name) => name.toLowerCase()));

function pathOf(prefix: string, name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name)
    ? `${prefix}${prefix ? "." : ""}${name}`
    : `${prefix}["${name}"]`;
}

/** pino `redact.paths` for {@link SECRET_FIELDS}: at the top, one level down and in `*.headers`. */
export const REDACT_PATHS: readonly string[] = SECRET_FIELDS.flatMap((name) => [
  pathOf("", name),
  pathOf("*", name),
  pathOf("headers", name),
  pathOf("*.headers", name),
]);

/** True when a header or field of this name holds a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_NAMES.has(name.toLowerCase());
}

/** A copy of `headers` fit for logging: secret values replaced, everything else kept. */
export function redactHeaders(
  headers: Headers | Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  for (const [name, value] of entries) out[name] = isSecretName(name) ? "[redacted]" : value;
  return out;
}
