-- wrk script: POST /transfers of 0.01 between the accounts 1..ACCOUNTS, each with an Idempotency-Key no other
-- request uses (run + thread id + counter). HOT=id puts that account on every transfer, alternately paying and paid,
-- so it never runs dry; without it both sides are drawn uniformly.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require("common")

local accounts = tonumber(os.getenv("ACCOUNTS") or "100")
local hot = tonumber(os.getenv("HOT") or "0")
local run = os.getenv("RUN") or "0"
local sent = 0
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = wrk.headers["Authorization"] }

function init(args)
    math.randomseed(id * 7919 + tonumber(run))
end

function request()
    sent = sent + 1
    local from = math.random(accounts)
    local to = math.random(accounts - 1)
    if to >= from then
        to = to + 1
    end
    if hot > 0 then
        local other = from == hot and to or from
        if sent % 2 == 0 then
            from, to = hot, other
        else
            from, to = other, hot
        end
    end
    headers["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, id, sent)
    local body = string.format('{"from":%d,"to":%d,"amount":"0.01"}', from, to)
    return wrk.format("POST", "/transfers", headers, body)
end
