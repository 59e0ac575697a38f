// ioredis puts the failed command on its reply errors (`err.command = { name, args }`), and the
// connection's handshake is `HELLO 3 AUTH <user> <password>` (or `AUTH <password>`): a refused
// password, or a disabled user, would hand the password to whoever logs the error. The error is
// the same object the queued commands were rejected with, so it is changed in place.

/** Replaces a Redis reply error's command arguments with "[redacted]", keeping the command name. */
export function withoutCommandArgs<E>(error: E): E {
  const command = (error as { command?: unknown } | null)?.command;
  if (typeof command === "object" && command !== null && "args" in command)
    (error as { command: unknown }).command = {
      name: (command as { name?: unknown }).name,
      args: "[redacted]",
    };
  return error;
}
