-- wrk script: rotates through requests.tsv (PATH<TAB>JSON). TARGET=portal sends GET PATH;
-- TARGET=es sends POST /INDEX/_search with the JSON the portal would have sent.
local target = os.getenv("TARGET") or "portal"
local index = os.getenv("INDEX") or "wenshi-docs"
local requests = {}
for line in io.lines(os.getenv("REQUESTS")) do
  local path, body = line:match("^([^\t]+)\t(.+)$")
  if target == "portal" then
    requests[#requests + 1] = wrk.format("GET", path, { ["Accept"] = "application/json" })
  else
    requests[#requests + 1] = wrk.format("POST", "/" .. index .. "/_search",
      { ["Content-Type"] = "application/json" }, body)
  end
end
local counter = 0
function setup(thread)
  thread:set("offset", counter * 7)
  counter = counter + 1
end
local i = 0
function request()
  i = i + 1
  return requests[((i + (offset or 0)) % #requests) + 1]
end
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f rps=%.1f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests, errors))
end
