// Project bodies checked the way the live service was seen to check them (api-notes Part C1, from
// the DNI suite): every problem is collected under its field with a `lytics.PROJECTS.*` code, and
// the whole list is answered at once as `400 Bad request`. Limits seen live: name and domain 200
// characters, description 255. Values are trimmed before they are stored.
import {
  ManagementValidationError,
  type FieldError,
  type FieldErrors,
} from "../errors/management-api-error";
import type { AccountRecord, ProjectConnections } from "../store/lytics-store";

export const NAME_MAX = 200;
export const DOMAIN_MAX = 200;
export const DESCRIPTION_MAX = 255;

export const CONNECTION_KEYS = [
  "stackApiKeys",
  "launchProjectUids",
  "personalizeProjectUids",
] as const;

export interface ProjectInput {
  name?: string;
  domain?: string;
  description?: string;
  connections?: Partial<ProjectConnections>;
}

const code = (name: string, details: Record<string, unknown> = {}): FieldError => ({
  code: `lytics.PROJECTS.${name}`,
  ...details,
});

// A host name: dot-separated labels of letters, digits and inner hyphens, ending in a letter TLD.
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

class Problems {
  readonly errors: FieldErrors = {};
  add(field: string, error: FieldError): void {
    (this.errors[field] ??= []).push(error);
  }
  get any(): boolean {
    return Object.keys(this.errors).length > 0;
  }
}

function text(
  problems: Problems,
  field: string,
  value: unknown,
  options: { required: boolean; max: number; domain?: boolean },
): string | undefined {
  if (value === undefined || value === null) {
    // A missing required field fails every rule of the field at once: the live service answered a
    // create without `name` with MAX_CHAR_LIMIT, NOT_EMPTY and NOT_STRING, and one without
    // `domain` with INVALID_DOMAIN besides (api-notes Part C1), and `null` alike (DNI suite).
    if (options.required) {
      problems.add(field, code("MAX_CHAR_LIMIT", { maxCharacters: options.max }));
      if (options.domain) problems.add(field, code("INVALID_DOMAIN"));
      problems.add(field, code("NOT_EMPTY"));
      problems.add(field, code("NOT_STRING"));
    }
    return undefined;
  }
  if (typeof value !== "string") {
    problems.add(field, code("NOT_STRING"));
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed.length === 0 && (options.required || options.domain)) {
    problems.add(field, code("NOT_EMPTY"));
    if (options.domain) problems.add(field, code("INVALID_DOMAIN"));
    return undefined;
  }
  if (trimmed.length > options.max) {
    problems.add(field, code("MAX_CHAR_LIMIT", { maxCharacters: options.max }));
    return undefined;
  }
  if (options.domain && !DOMAIN.test(trimmed)) {
    problems.add(field, code("INVALID_DOMAIN"));
    return undefined;
  }
  return trimmed;
}

function connections(problems: Problems, value: unknown): Partial<ProjectConnections> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    problems.add("connections", code("NOT_STRING_ARRAY"));
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const out: Partial<ProjectConnections> = {};
  for (const key of CONNECTION_KEYS) {
    const list = record[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((id) => typeof id !== "string" || id.trim() === "")) {
      problems.add("connections", code("NOT_STRING_ARRAY", { field: key }));
      continue;
    }
    out[key] = [...new Set((list as string[]).map((id) => id.trim()))];
  }
  return out;
}

/**
 * Checks a create or update body (both whole projects: name and domain required) against the
 * organization's other projects, or throws the live 400.
 */
export function parseProjectInput(body: unknown, others: readonly AccountRecord[]): ProjectInput {
  const problems = new Problems();
  const record =
    body !== null && typeof body === "object" && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  const input: ProjectInput = {};
  const name = text(problems, "name", record.name, { required: true, max: NAME_MAX });
  const domain = text(problems, "domain", record.domain, {
    required: true,
    max: DOMAIN_MAX,
    domain: true,
  });
  const description = text(problems, "description", record.description, {
    required: false,
    max: DESCRIPTION_MAX,
  });
  const links = connections(problems, record.connections);

  if (name !== undefined) {
    const taken = others.some((other) => other.name.trim().toLowerCase() === name.toLowerCase());
    if (taken) problems.add("name", code("DUPLICATE_PROJECT_NAME"));
    input.name = name;
  }
  if (links) {
    for (const key of CONNECTION_KEYS) {
      const ids = links[key];
      if (!ids) continue;
      const linked = ids.filter((id) =>
        others.some((other) => other.connections[key].includes(id)),
      );
      if (linked.length > 0)
        problems.add(`connections.${key}`, code("DUPLICATE_CONNECTION", { values: linked }));
    }
    input.connections = links;
  }
  if (domain !== undefined) input.domain = domain;
  if (description !== undefined) input.description = description;
  if (problems.any) throw new ManagementValidationError(problems.errors);
  return input;
}
