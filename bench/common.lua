-- Shared by the wrk scripts: per-thread status counters and a one-line summary per phase.
local threads = {}
local next_id = 0

function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
    table.insert(threads, thread)
end

-- load.sh exports the bearer token every request carries.
local token = os.getenv("TOKEN")
if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
end

counts = { s2xx = 0, s4xx = 0, s5xx = 0, other = 0 }

function response(status, headers, body)
    if status >= 200 and status < 300 then
        counts.s2xx = counts.s2xx + 1
    elseif status >= 400 and status < 500 then
        counts.s4xx = counts.s4xx + 1
    elseif status >= 500 then
        counts.s5xx = counts.s5xx + 1
    else
        counts.other = counts.other + 1
    end
end

function done(summary, latency, requests)
    local total = { s2xx = 0, s4xx = 0, s5xx = 0, other = 0 }
    for _, thread in ipairs(threads) do
        local c = thread:get("counts")
        for k, v in pairs(c) do
            total[k] = total[k] + v
        end
    end
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format(
        "RESULT requests=%d rps=%.1f p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms "
            .. "2xx=%d 4xx=%d 5xx=%d other=%d socket_errors(connect=%d read=%d write=%d timeout=%d)\n",
        summary.requests, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, total.s2xx, total.s4xx, total.s5xx, total.other,
        e.connect, e.read, e.write, e.timeout))
end
