// `audit export <orgUid>`: the whole filtered audit log, newest first, through the store's reader
// (CSV: exportCsv, which pages through everything; JSON: read, page by page), to stdout or a file.
import { writeFile } from "node:fs/promises";

import {
  AUDIT_ENTRY_KINDS,
  type AuditEntryKind,
  type AuditQuery,
  type StoredAuditEntry,
} from "@lytics-access/store";

import { arg, flag, stringOption, type CliCommand } from "../cli-command";
import { CliError } from "../cli-error";
import { checkOrgUid } from "../org-uid";

function kindsOf(values: unknown): AuditEntryKind[] | undefined {
  if (!Array.isArray(values) || values.length === 0) return undefined;
  const known = new Set<string>(AUDIT_ENTRY_KINDS);
  const kinds = values
    .flatMap((value) => String(value).split(","))
    .map((kind) => kind.trim())
    .filter(Boolean);
  const unknown = kinds.filter((kind) => !known.has(kind));
  if (unknown.length > 0)
    throw new CliError(
      `unknown audit entry kind ${unknown.join(", ")} (one of: ${AUDIT_ENTRY_KINDS.join(", ")})`,
      "usage",
    );
  return kinds as AuditEntryKind[];
}

function sinceOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at))
    throw new CliError(
      `--since must be an ISO 8601 date or time, e.g. 2026-01-31T00:00:00Z`,
      "usage",
    );
  return at;
}

export const auditExportCommand: CliCommand = {
  name: "audit export",
  usage:
    "audit export <orgUid> [--csv|--json] [--since ISO] [--kind k]… [--person email|uid] [--project uid] [--out file]",
  summary: "export the organization's audit log (all of it that matches), CSV by default",
  options: {
    csv: { type: "boolean" },
    json: { type: "boolean" },
    since: { type: "string" },
    kind: { type: "string", multiple: true },
    person: { type: "string" },
    project: { type: "string" },
    out: { type: "string" },
  },
  positionals: { min: 1, max: 1 },
  async run(args, runtime, output) {
    const orgUid = checkOrgUid(arg(args, 0));
    if (flag(args, "csv") && flag(args, "json"))
      throw new CliError("choose one of --csv and --json", "usage");
    const person = stringOption(args, "person");
    const project = stringOption(args, "project");
    const since = sinceOf(stringOption(args, "since"));
    const kinds = kindsOf(args.values.kind);
    const query: Omit<AuditQuery, "limit" | "cursor" | "scanLimit"> = {
      ...(since === undefined ? {} : { from: since }),
      ...(kinds ? { kinds } : {}),
      ...(person ? { person: person.includes("@") ? { email: person } : { uid: person } } : {}),
      ...(project ? { projectUid: project } : {}),
    };
    const { auditLog, installations } = runtime.stores();
    // A disconnected organization keeps its log (it can still be exported); an organization with
    // neither an installation nor a log is almost surely a mistyped uid, not an empty export.
    if (
      !(await installations.get(orgUid)) &&
      (await auditLog.read(orgUid, { limit: 1 })).entries.length === 0
    )
      throw new CliError(
        `organization ${orgUid} is not connected and has no audit log (is the uid right? \`${"lytics-access status"}\` lists the connected ones)`,
      );
    let text: string;
    let count: number;
    if (flag(args, "json")) {
      const entries: StoredAuditEntry[] = [];
      let cursor: string | null = null;
      do {
        const page = await auditLog.read(orgUid, {
          ...query,
          limit: 1000,
          scanLimit: 10_000,
          ...(cursor ? { cursor } : {}),
        });
        entries.push(...page.entries);
        cursor = page.nextCursor;
      } while (cursor);
      text = `${JSON.stringify(entries, null, 2)}\n`;
      count = entries.length;
    } else {
      text = await auditLog.exportCsv(orgUid, query);
      // Header row plus one row per entry; a cell may hold a quoted line break, so count ids.
      count = Math.max(0, text.split("\r\n").filter((line) => /^\d+-\d+,/.test(line)).length);
    }
    const out = stringOption(args, "out");
    if (out) {
      await writeFile(out, text).catch((error: unknown) => {
        const reason = (error as { code?: unknown }).code;
        throw new CliError(
          `cannot write --out ${out}: ${reason === "ENOENT" ? "its folder does not exist" : reason === "EACCES" ? "permission denied" : error instanceof Error ? error.message : String(error)}`,
        );
      });
      output.out(`${orgUid}: ${count} audit entries written to ${out}`);
      return;
    }
    output.out(text);
  },
};
