-- wrk prints p50/p75/p90/p99 only; this adds p95 (and max) for comparing with medianest-loadtest.
-- Usage: wrk --latency -t2 -c16 -d10s -s load-test/wrk/percentiles.lua http://127.0.0.1:18080/delay
-- WRK_THINK_MS=1000 makes each connection wait that long after a response before its next request (think time;
-- wrk's latency excludes the wait, like medianest-loadtest's service time). WRK_BEARER adds
-- "Authorization: Bearer <token>".
local think = tonumber(os.getenv("WRK_THINK_MS") or "0")
if think > 0 then
  delay = function() return think end
end
local bearer = os.getenv("WRK_BEARER")
if bearer and bearer ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. bearer
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("requests %d, errors %d, rps %.1f\n", summary.requests, errors,
      summary.requests / (summary.duration / 1e6)))
  for _, p in pairs({50, 95, 99}) do
    io.write(string.format("p%g %.3f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max %.3f ms\n", latency.max / 1000))
end
