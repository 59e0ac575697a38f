import { parseArgs } from "node:util";
import { InvalidQueryError } from "../errors/invalid-query-error";

/** The `--help` text. */
export const USAGE = `Usage:
  lytics-access-explain task --roles "Data Manager,Observer" --permission pii.view
  lytics-access-explain nav --roles marketer --item goals
  lytics-access-explain project --org-role member [--project-owner] [--project-roles Observer] --action project.invite
  lytics-access-explain level --org-role admin [--granted-level data-manager]
  lytics-access-explain catalogue
  lytics-access-explain --json < queries.jsonl     one JSON query per line in, one JSON answer per line out

Roles are display names or slugs, comma-separated. Exit code: 0 answered, 1 a --json line failed,
2 usage error.`;

const list = (value: string | undefined): string[] =>
  value === undefined
    ? []
    : value
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item !== "");

function required(value: string | undefined, flag: string): string {
  if (value === undefined) throw new InvalidQueryError(`missing --${flag}`);
  return value;
}

/**
 * Turns text-mode arguments (`task --roles ... --permission ...`) into a query object of the same
 * form `--json` accepts, so both modes share one validation path.
 *
 * @throws {@link InvalidQueryError} for unknown forms, unknown flags or missing flags.
 */
export function queryFromArgs(args: readonly string[]): unknown {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        roles: { type: "string" },
        permission: { type: "string" },
        item: { type: "string" },
        "org-role": { type: "string" },
        "project-owner": { type: "boolean", default: false },
        "project-roles": { type: "string" },
        action: { type: "string" },
        "granted-level": { type: "string" },
      },
    });
  } catch (error) {
    throw new InvalidQueryError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [kind, ...extra] = positionals;
  if (extra.length > 0) throw new InvalidQueryError(`unexpected argument "${extra[0] ?? ""}"`);
  switch (kind) {
    case "task":
      return {
        kind,
        roles: list(values.roles),
        permission: required(values.permission, "permission"),
      };
    case "nav":
      return { kind, roles: list(values.roles), item: required(values.item, "item") };
    case "project":
      return {
        kind,
        orgRole: required(values["org-role"], "org-role"),
        isProjectOwner: values["project-owner"],
        projectRoles: list(values["project-roles"]),
        action: required(values.action, "action"),
      };
    case "level":
      return {
        kind,
        orgRole: required(values["org-role"], "org-role"),
        ...(values["granted-level"] !== undefined ? { grantedLevel: values["granted-level"] } : {}),
      };
    case "catalogue":
      return { kind };
    case undefined:
      throw new InvalidQueryError("missing query kind (task, nav, project, level or catalogue)");
    default:
      throw new InvalidQueryError(
        `unknown query kind "${kind}" (task, nav, project, level or catalogue)`,
      );
  }
}
