import type { LyticsPort, SyncPorts } from "./ports";

/**
 * Wraps the read and write ports so the run report can say exactly which calls were made (DESIGN
 * §4: "make only the calls the plan needs"; a no-op run makes only the listing calls).
 */
export function countCalls(ports: SyncPorts): { ports: SyncPorts; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const count =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      calls[name] = (calls[name] ?? 0) + 1;
      return fn(...args);
    };
  const lytics: LyticsPort = {
    listProjects: count("lytics.listProjects", () => ports.lytics.listProjects()),
    listCollaborators: count("lytics.listCollaborators", (id: string) =>
      ports.lytics.listCollaborators(id),
    ),
    invite: count("lytics.invite", (id: string, email: string, roles: readonly string[]) =>
      ports.lytics.invite(id, email, roles),
    ),
    replaceRoles: count(
      "lytics.replaceRoles",
      (id: string, uid: string, roles: readonly string[]) =>
        ports.lytics.replaceRoles(id, uid, roles),
    ),
    remove: count("lytics.remove", (id: string, uid: string) => ports.lytics.remove(id, uid)),
  };
  return {
    ports: {
      ...ports,
      lytics,
      members: { list: count("members.list", () => ports.members.list()) },
    },
    calls,
  };
}
