import { LuaScript } from "../support/lua-script";

// The record and its "one pending request per person and project" index change in one script, so
// two tabs asking at once cannot both win, and a decision frees the slot in the same step.

// KEYS: requests, pending. ARGV: id, pending field, json. Returns {1} or {0, existingId}.
export const CREATE_REQUEST = new LuaScript(
  "create-access-request",
  `local existing = redis.call('HGET', KEYS[2], ARGV[2])
if existing then return {0, existing} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
return {1}`,
);

// KEYS: requests, pending. ARGV: id, expected version, json, pending field.
// Returns {1}; {0, currentVersion} when stale or already decided; {-1} when gone.
export const DECIDE_REQUEST = new LuaScript(
  "decide-access-request",
  `local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current then return {-1} end
local record = cjson.decode(current)
if record.version ~= tonumber(ARGV[2]) or record.status ~= 'pending' then
  return {0, record.version}
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
if redis.call('HGET', KEYS[2], ARGV[4]) == ARGV[1] then redis.call('HDEL', KEYS[2], ARGV[4]) end
return {1}`,
);
