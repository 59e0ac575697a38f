import { InsecureUrlError } from "../errors/insecure-url-error";

/**
 * Whether the path of `url` (as written, before the URL parser resolves it) holds a `.` or `..`
 * segment, spelled plainly or percent-encoded. The parser would resolve it away, so an id of `..`
 * in `/projects/{uid}/collaborators/{id}` would send a collaborator's removal to
 * `DELETE /projects/{uid}/` instead: another route than the one the call names. `encodeURIComponent`
 * leaves dots as they are, and `%2e` is a dot to the parser too, so the written path is checked.
 */
export function hasDotSegment(url: string): boolean {
  // The parser drops tabs and newlines anywhere, and takes a backslash for a slash in http(s).
  const afterOrigin = url
    .replace(/[\t\n\r]/g, "")
    .replace(/^[a-z][a-z0-9+.-]*:[/\\]{2}[^/\\?#]*/i, "");
  const path = afterOrigin.split(/[?#]/, 1)[0] ?? "";
  return path.split(/[/\\]/).some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment));
}

/**
 * @throws InsecureUrlError when {@link hasDotSegment}, before anything is sent or any budget spent
 */
export function refuseDotSegments(url: string, operation: string): void {
  if (hasDotSegment(url))
    throw new InsecureUrlError(
      `${operation}: a path segment is "." or "..", which would reach another route (an id of that value?)`,
    );
}
