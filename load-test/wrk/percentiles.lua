-- wrk prints p50/p75/p90/p99 only, and corrected for coordinated omission; this prints p50/p95/p99 (and max) of
-- the latencies as measured, for comparing with medianest-loadtest's service time, and wrk's corrected ones.
-- Usage: WRK_CONNECTIONS=16 wrk --latency -t2 -c16 -d10s -s load-test/wrk/percentiles.lua http://127.0.0.1:18080/delay
--
-- wrk 4 corrects its latencies before done() sees them (stats_correct in wrk.c and stats.c): with E the run's
-- time divided by the requests per connection (integer microseconds), every latency n >= 2E also adds the
-- latencies n-E, n-2E, ... (while above E) of the requests the connection would have sent while it waited. So a
-- corrected count c[m] is the measured count o[m] plus o[m+E] + o[m+2E] + ... for m > E, and the measured counts
-- come back from the top down: o[m] = c[m] - (o[m+E] + o[m+2E] + ...). That needs the connection count, which
-- wrk does not pass to scripts: set WRK_CONNECTIONS to the -c value.
--
-- WRK_THINK_MS=1000 makes each connection wait that long after a response before its next request (think time;
-- wrk's latency excludes the wait, like medianest-loadtest's service time). WRK_BEARER adds
-- "Authorization: Bearer <token>". WRK_LATENCIES_OUT=FILE writes the measured latencies there as "microseconds count"
-- lines (as medianest-loadtest's --latencies does), to pool several runs.
local think = tonumber(os.getenv("WRK_THINK_MS") or "0")
if think > 0 then
  delay = function() return think end
end
local bearer = os.getenv("WRK_BEARER")
if bearer and bearer ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. bearer
end
local connections = tonumber(os.getenv("WRK_CONNECTIONS") or "0")
local latenciesOut = os.getenv("WRK_LATENCIES_OUT")

-- Percentiles exactly as wrk's stats_percentile computes them, over {value, count} in ascending order.
local function percentile(values, counts, total, p)
  local rank = math.floor(p / 100 * total + 0.5 + 0.5)
  local seen = 0
  for i = 1, #values do
    seen = seen + counts[i]
    if seen >= rank then return values[i] end
  end
  return 0
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("requests %d, errors %d, rps %.1f\n", summary.requests, errors,
      summary.requests / (summary.duration / 1e6)))
  for _, p in pairs({50, 95, 99}) do
    io.write(string.format("corrected p%g %.3f ms\n", p, latency:percentile(p) / 1000))
  end
  if connections <= 0 or math.floor(summary.requests / connections) == 0 then
    io.write("set WRK_CONNECTIONS to the -c value for the measured percentiles\n")
    return
  end
  local interval = math.floor(summary.duration / math.floor(summary.requests / connections))
  local corrected, correctedTotal = {}, 0
  for i = 1, #latency do
    local value, count = latency(i)
    corrected[value] = count
    correctedTotal = correctedTotal + count
  end
  local measured, above = {}, {}
  for value = latency.max, latency.min, -1 do
    local count = corrected[value] or 0
    local later = above[value + interval] or 0
    local own = value > interval and count - later or count
    if own < 0 then
      io.write(string.format("cannot undo the correction at %d us (interval %d us)\n", value, interval))
      return
    end
    measured[value] = own
    above[value] = own + later
  end
  local values, counts, total = {}, {}, 0
  for value = latency.min, latency.max do
    local count = measured[value]
    if count and count > 0 then
      values[#values + 1] = value
      counts[#counts + 1] = count
      total = total + count
    end
  end
  if latenciesOut and latenciesOut ~= "" then
    local file = assert(io.open(latenciesOut, "w"))
    file:write("# service time (microseconds) and how many requests took it\n")
    for i = 1, #values do
      file:write(string.format("%d %d\n", values[i], counts[i]))
    end
    file:close()
  end
  io.write(string.format("measured %d latencies (wrk's correction added %d; interval %d us)\n", total,
      correctedTotal - total, interval))
  for _, p in pairs({50, 95, 99}) do
    io.write(string.format("p%g %.3f ms\n", p, percentile(values, counts, total, p) / 1000))
  end
  io.write(string.format("max %.3f ms\n", latency.max / 1000))
end
