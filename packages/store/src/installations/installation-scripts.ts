import { AUDIT_APPEND_LUA } from "../audit-log/audit-log-store";
import { LuaScript } from "../support/lua-script";

// KEYS: installation, tokens. ARGV: n, awaitingImport for a first connection ('0' or '1'), n
// installation field/value args, then token field/value args. Replaces both records at once; the
// token version keeps counting up across reconnects so a refresh that started before the
// reconnect cannot overwrite the new tokens. A reconnect keeps the awaitingImport it had (an
// import not yet accepted stays waiting; an accepted one is not asked for again).
export const CONNECT = new LuaScript(
  "connect",
  `local n = tonumber(ARGV[1])
local awaiting = ARGV[2]
if redis.call('EXISTS', KEYS[1]) == 1 then
  awaiting = redis.call('HGET', KEYS[1], 'awaitingImport') or '0'
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'awaitingImport', awaiting, unpack(ARGV, 3, 2 + n))
local version = tonumber(redis.call('HGET', KEYS[2], 'version') or '0') + 1
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], 'version', version, unpack(ARGV, 3 + n))
return version`,
);

// KEYS: installation, tokens. ARGV: expected version, token field/value args.
// Returns {1, newVersion}, {0, currentVersion} when stale, {-1} when not installed.
export const SAVE_TOKENS = new LuaScript(
  "save-tokens",
  `if redis.call('EXISTS', KEYS[1]) == 0 then return {-1} end
local current = tonumber(redis.call('HGET', KEYS[2], 'version') or '0')
if current ~= tonumber(ARGV[1]) then return {0, current} end
redis.call('HSET', KEYS[2], 'version', current + 1, unpack(ARGV, 2))
return {1, current + 1}`,
);

// KEYS: installation. ARGV: now, reason, base delay ms, cap ms, failures before degraded.
// A failure never changes needs-reconnect: that state only ends with a new authorization.
// Returns 2 when this failure made the organization degraded, 1 otherwise, 0 when not installed.
export const RECORD_FAILURE = new LuaScript(
  "record-failure",
  `if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local now = tonumber(ARGV[1])
local count = redis.call('HINCRBY', KEYS[1], 'failureCount', 1)
local delay = math.min(tonumber(ARGV[4]), tonumber(ARGV[3]) * 2 ^ (count - 1))
redis.call('HSET', KEYS[1], 'nextAttemptAt', string.format('%d', now + delay))
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'needs-reconnect' then return 1 end
local degraded = 1
if status == 'connected' and count >= tonumber(ARGV[5]) then
  redis.call('HSET', KEYS[1], 'status', 'degraded', 'statusSince', ARGV[1])
  degraded = 2
end
if redis.call('HGET', KEYS[1], 'status') == 'degraded' then
  redis.call('HSET', KEYS[1], 'statusReason', ARGV[2])
end
return degraded`,
);

// KEYS: installation. ARGV: now.
export const RECORD_SUCCESS = new LuaScript(
  "record-success",
  `if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'failureCount', 0)
redis.call('HDEL', KEYS[1], 'nextAttemptAt')
if redis.call('HGET', KEYS[1], 'status') == 'degraded' then
  redis.call('HSET', KEYS[1], 'status', 'connected', 'statusSince', ARGV[1])
  redis.call('HDEL', KEYS[1], 'statusReason')
end
return 1`,
);

// KEYS: installation. ARGV: now, reason. Returns 2 when the status changed, 1 when it already was
// needs-reconnect (so the caller audits the problem once), 0 when not installed.
export const MARK_NEEDS_RECONNECT = new LuaScript(
  "mark-needs-reconnect",
  `if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HDEL', KEYS[1], 'nextAttemptAt')
if redis.call('HGET', KEYS[1], 'status') == 'needs-reconnect' then
  redis.call('HSET', KEYS[1], 'statusReason', ARGV[2])
  return 1
end
redis.call('HSET', KEYS[1], 'status', 'needs-reconnect', 'statusReason', ARGV[2], 'statusSince', ARGV[1])
return 2`,
);

// KEYS: installation, audit. ARGV: entry json or '', max, min id. Returns 2 when the installation
// was awaiting its import (now cleared, and audited with it), 1 when it was not, 0 when not
// installed.
export const MARK_IMPORT_ACCEPTED = new LuaScript(
  "mark-import-accepted",
  `${AUDIT_APPEND_LUA}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('HGET', KEYS[1], 'awaitingImport') ~= '1' then return 1 end
redis.call('HSET', KEYS[1], 'awaitingImport', '0')
if ARGV[1] ~= '' then append_audit(KEYS[2], ARGV[1], ARGV[2], ARGV[3]) end
return 2`,
);
