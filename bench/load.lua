-- wrk script of bench/load.sh: one wrk thread per StdHub instance (thread i connects to the i-th port of
-- LOAD_PORTS, so the connections are split evenly across the instances), each request drawn from a mix of
--   search page      GET /standards?q=<query>                               (LOAD_MIX_PAGE, default 35 %)
--   search API       GET /api/v1/standards/search?q=<query>&size=10          (LOAD_MIX_API, default 15 %)
--   detail page      GET /standards/<designation, one encoded path segment>  (the rest, default 50 %)
-- over real queries: the file LOAD_QUERIES, lines "<kind>\t<text>" written by load.sh from the database —
-- kind d = a designation as stored (detail pages, and searched as typed), z = 4-6 consecutive characters of a
-- Chinese title, e = 2 consecutive words of an English title. Requests are sent as a browser sends them
-- (Accept-Encoding: gzip, Accept-Language: zh-CN). A response whose status is not 2xx counts as an error
-- (wrk itself counts only >= 400). done() prints one line "RESULT key=value ..." that load.sh parses.

local ports = {}
for p in string.gmatch(os.getenv("LOAD_PORTS") or "", "[^,]+") do
  table.insert(ports, p)
end

local threads = {}

function setup(thread)
  local index = #threads + 1
  local port = ports[((index - 1) % #ports) + 1]
  thread.addr = wrk.lookup("127.0.0.1", port)[1]
  thread:set("id", index)
  table.insert(threads, thread)
end

local function encode(s)
  return (string.gsub(s, "[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

local paths = {}
local next_path = 1
non2xx = 0
statuses = {}

function init(args)
  local designations, texts = {}, {}
  local file = assert(io.open(os.getenv("LOAD_QUERIES"), "r"), "LOAD_QUERIES not readable")
  for line in file:lines() do
    local kind, text = string.match(line, "^(%a)\t(.+)$")
    if kind == "d" then
      table.insert(designations, text)
      table.insert(texts, text)
    elseif kind == "z" or kind == "e" then
      table.insert(texts, text)
    end
  end
  file:close()
  assert(#designations > 0 and #texts > 0, "no queries in " .. os.getenv("LOAD_QUERIES"))
  local page = tonumber(os.getenv("LOAD_MIX_PAGE") or "35")
  local api = tonumber(os.getenv("LOAD_MIX_API") or "15")
  -- a fixed sequence per thread (same seed, same requests in every run), 20,000 requests long, then repeated
  math.randomseed(20261130 + id)
  local headers = { ["Accept-Encoding"] = "gzip", ["Accept-Language"] = "zh-CN,zh;q=0.9" }
  for i = 1, 20000 do
    local r = math.random(100)
    local path
    if r <= page then
      path = "/standards?q=" .. encode(texts[math.random(#texts)])
    elseif r <= page + api then
      path = "/api/v1/standards/search?size=10&q=" .. encode(texts[math.random(#texts)])
    else
      path = "/standards/" .. encode(designations[math.random(#designations)])
    end
    paths[i] = wrk.format("GET", path, headers)
  end
end

function request()
  local r = paths[next_path]
  next_path = next_path % #paths + 1
  return r
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  local codes = {}
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    for code, n in pairs(thread:get("statuses")) do
      codes[code] = (codes[code] or 0) + n
    end
  end
  local listed = {}
  for code, n in pairs(codes) do
    table.insert(listed, code .. ":" .. n)
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50=%.2f p90=%.2f p99=%.2f max=%.2f"
      .. " connect=%d read=%d write=%d timeout=%d non2xx=%d statuses=%s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.timeout, bad,
    (#listed > 0 and table.concat(listed, ",") or "-")))
end
