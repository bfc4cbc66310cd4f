-- wrk script: POST /accounts, each request with a number no other request uses (run + thread id + counter),
-- ten digits starting with 9 so it never collides with the seeded 1xxxxxxxxx numbers or reads as an IBAN.
-- RUN (0-9, set by load.sh) keeps the numbers of successive wrk runs against one database apart.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require("common")

local run = tonumber(os.getenv("RUN") or "0") % 10
local sent = 0
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = wrk.headers["Authorization"] }

function request()
    sent = sent + 1
    local number = string.format("9%d%02d%06d", run, id, sent)
    local body = string.format('{"name":"Load %d-%d","number":"%s","balance":"%d.%02d"}',
        id, sent, number, sent % 100000, sent % 100)
    return wrk.format("POST", "/accounts", headers, body)
end
