-- wrk script for WebhookIntakeBenchmark: rotates pre-signed Twilio status callbacks.
--   wrk -t2 -c32 -d10s --latency -s webhook-intake.lua http://host:port/webhooks/twilio/voice/status?attemptId=... \
--       -- <requests file> <seconds of distinct callbacks> <wrk threads> [content type]
-- The file holds one request a line: "<X-Twilio-Signature>\t<form body>", each a distinct event. Thread i of n sends the
-- lines i, i+n, ... once each, in order, for the given seconds; then, until wrk stops, it redelivers the ones it already
-- sent (Twilio does redeliver: same path, answered 204, stored no second time). So no distinct callback is in flight
-- when wrk stops, and provider_events must gain exactly the number of distinct callbacks sent.
-- Without a file it sends wrk's default request (the no-op baseline), through the same Lua calls.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local clock
do
  local ok, ffi = pcall(require, "ffi")
  if ok then
    ffi.cdef [[
      typedef struct { long tv_sec; long tv_nsec; } vocero_timespec;
      int clock_gettime(int clk_id, vocero_timespec *tp);
    ]]
    local ts = ffi.new("vocero_timespec")
    clock = function()
      ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
      return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
    end
  else
    clock = os.time
  end
end

local requests = nil
local stop_at = 0
sent = 0        -- distinct callbacks sent by this thread (read by done() through thread:get)
redelivered = 0 -- redeliveries sent by this thread
local redo = 0

function init(args)
  local file, seconds, n = args[1], tonumber(args[2] or "0"), tonumber(args[3] or "1")
  local content_type = args[4] or "application/x-www-form-urlencoded"
  if file == nil or file == "" then
    return
  end
  requests = {}
  local line_no = 0
  for line in io.lines(file) do
    if line_no % n == id then
      local tab = line:find("\t", 1, true)
      table.insert(requests, wrk.format("POST", nil, {
        ["Content-Type"] = content_type,
        ["X-Twilio-Signature"] = line:sub(1, tab - 1),
      }, line:sub(tab + 1)))
    end
    line_no = line_no + 1
  end
  stop_at = clock() + seconds
end

function request()
  if requests == nil then
    return wrk.request()
  end
  if redelivered == 0 and sent < #requests and clock() < stop_at then
    sent = sent + 1
    return requests[sent]
  end
  if sent == 0 then -- nothing sent yet: the first one is still distinct
    sent = 1
    return requests[1]
  end
  redelivered = redelivered + 1
  redo = redo % sent + 1
  return requests[redo]
end

function done(summary, latency, _)
  local sent_total, redelivered_total = 0, 0
  for _, thread in ipairs(threads) do
    sent_total = sent_total + (thread:get("sent") or 0)
    redelivered_total = redelivered_total + (thread:get("redelivered") or 0)
  end
  local e = summary.errors
  io.write(string.format("WRK|requests|%d\n", summary.requests))
  io.write(string.format("WRK|duration_us|%d\n", summary.duration))
  io.write(string.format("WRK|p50_us|%d\n", latency:percentile(50)))
  io.write(string.format("WRK|p99_us|%d\n", latency:percentile(99)))
  io.write(string.format("WRK|max_us|%d\n", latency.max))
  io.write(string.format("WRK|socket_errors|%d\n", e.connect + e.read + e.write + e.timeout))
  io.write(string.format("WRK|non_2xx|%d\n", e.status))
  io.write(string.format("WRK|distinct|%d\n", sent_total))
  io.write(string.format("WRK|redelivered|%d\n", redelivered_total))
end
