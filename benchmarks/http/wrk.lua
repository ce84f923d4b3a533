-- wrk script for benchmarks.http: counts responses per status code and prints one JSON
-- line (prefix "BENCH_JSON ") with rate, latency percentiles and those counts.
--
--   wrk ... -s wrk.lua                        -- GET the URL given to wrk (headers via -H)
--   wrk ... -s wrk.lua -- post BODIES PATH T  -- POST PATH; BODIES has one "ip<TAB>json" per line;
--                                             -- T is wrk's thread count
--
-- In post mode thread i sends lines i, i+T, i+2T, ... (T threads), so no two requests of one
-- run share a body, an email or a client address until the file runs out (then it wraps).

local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  codes = {}
  mode = args[1] or "get"
  if mode == "post" then
    lines = {}
    for line in io.lines(args[2]) do
      local tab = line:find("\t", 1, true)
      lines[#lines + 1] = {line:sub(1, tab - 1), line:sub(tab + 1)}
    end
    path = args[3]
    position = index  -- set by setup()
    step = tonumber(args[4] or "1")
  end
end

function request()
  if mode ~= "post" then
    return wrk.format(nil, nil)  -- the URL and -H headers given to wrk
  end
  local item = lines[(position % #lines) + 1]
  position = position + step
  local headers = {}
  for name, value in pairs(wrk.headers) do  -- the -H headers given to wrk
    headers[name] = value
  end
  headers["X-Forwarded-For"] = item[1]
  return wrk.format("POST", path, headers, item[2])
end

function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("codes")
    for status, n in pairs(c) do
      merged[status] = (merged[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(merged) do
    parts[#parts + 1] = string.format('"%d": %d', status, n)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"latency_us": {"p50": %d, "p90": %d, "p99": %d, "max": %d, "mean": %.1f}, "codes": {%s}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    table.concat(parts, ", ")))
end
