export { startRedisServer } from "./start-redis-server";
export type { RedisServerHandle, StartRedisServerOptions } from "./start-redis-server";
export { findRedisServerBinary } from "./find-binary";
export { findFreePort } from "./free-port";
export { ping } from "./ping";
export { RedisServerNotInstalledError } from "./redis-server-not-installed-error";
