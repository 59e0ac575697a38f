import { LuaScript } from "../support/lua-script";

// The record and its indexes change in one script, so an index never names a missing grant.

// KEYS: grants, unique, expiry, by-project, by-person. ARGV: id, unique field, json, expiry score or ''.
// Returns {1} or {0, existingId}.
export const CREATE_GRANT = new LuaScript(
  "create-grant",
  `local existing = redis.call('HGET', KEYS[2], ARGV[2])
if existing then return {0, existing} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[1])
redis.call('SADD', KEYS[5], ARGV[1])
if ARGV[4] ~= '' then redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1]) end
return {1}`,
);

// KEYS: grants, expiry. ARGV: id, expected version, json, expiry score or ''.
// Returns {1}, {0, currentVersion} when stale, {-1} when gone.
export const UPDATE_GRANT = new LuaScript(
  "update-grant",
  `local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current then return {-1} end
local version = cjson.decode(current).version
if version ~= tonumber(ARGV[2]) then return {0, version} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
if ARGV[4] == '' then redis.call('ZREM', KEYS[2], ARGV[1])
else redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1]) end
return {1}`,
);

// KEYS: grants, unique, expiry, by-project, by-person. ARGV: id, expected version, unique field.
export const REMOVE_GRANT = new LuaScript(
  "remove-grant",
  `local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current then return {-1} end
local version = cjson.decode(current).version
if version ~= tonumber(ARGV[2]) then return {0, version} end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[3])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
redis.call('SREM', KEYS[5], ARGV[1])
return {1}`,
);
