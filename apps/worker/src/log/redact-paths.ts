// Where a secret may sit in a log object. pino replaces each with "[redacted]" before the line is
// written, so a token passed by mistake (an error's request options, a credential object) never
// reaches a log line. Wildcards cover one level of nesting; deeper secrets must not be logged.
const SECRET_FIELDS = [
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "clientSecret",
  "client_secret",
  "secret",
  "password",
  "authorization",
  "Authorization",
  "authtoken",
  "cookie",
  "Cookie",
  "set-cookie",
  "keyring",
  "operatorToken",
  "code_verifier",
  "codeVerifier",
] as const;

export const WORKER_REDACT_PATHS: readonly string[] = Object.freeze([
  ...SECRET_FIELDS.map((field) => `["${field}"]`),
  ...SECRET_FIELDS.map((field) => `*["${field}"]`),
  ...SECRET_FIELDS.map((field) => `*.*["${field}"]`),
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
]);
