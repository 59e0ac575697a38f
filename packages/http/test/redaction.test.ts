// A secret never reaches a log line: pino output captured in memory, searched for every secret.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { SECRET_FIELDS, createLogger, redactHeaders } from "../src/index";

function capture() {
  let output = "";
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  return { logger: createLogger({ level: "trace", destination }), output: () => output };
}

describe("log redaction", () => {
  it("blanks every listed field at the top, one level down and in headers", () => {
    const { logger, output } = capture();
    const secrets = SECRET_FIELDS.map((name, index) => `secret-${index}-${name}`);
    const flat = Object.fromEntries(SECRET_FIELDS.map((name, index) => [name, secrets[index]]));
    logger.info(flat, "top level");
    logger.info({ tokens: flat }, "nested");
    logger.info({ headers: flat }, "headers");
    logger.info({ request: { headers: flat } }, "request headers");
    const text = output();
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain("[redacted]");
    expect(text.trim().split("\n")).toHaveLength(4);
  });

  it("copies headers for logging with secret values replaced", () => {
    const headers = new Headers({
      Authorization: "Bearer at-1",
      authtoken: "blt-2",
      cookie: "s=3",
      accept: "application/json",
    });
    expect(redactHeaders(headers)).toEqual({
      accept: "application/json",
      authorization: "[redacted]",
      authtoken: "[redacted]",
      cookie: "[redacted]",
    });
  });
});
