/** redis-server is not on this machine. The message says the one command that installs it. */
export class RedisServerNotInstalledError extends Error {
  readonly code = "REDIS_SERVER_NOT_INSTALLED";

  constructor(readonly searched: readonly string[]) {
    super(
      `redis-server was not found (looked in ${searched.join(", ")}). ` +
        "Install it with: sudo apt-get install -y redis-server (npm test and npm start do this themselves when run as root).",
    );
    this.name = "RedisServerNotInstalledError";
  }
}
