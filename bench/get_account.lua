-- wrk script: GET /accounts/{id} with ids drawn at random from the SEED accounts load.sh created.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require("common")

local seeded = tonumber(os.getenv("SEED") or "200")

function init(args)
    math.randomseed(os.time() + id)
end

function request()
    return wrk.format("GET", "/accounts/" .. math.random(1, seeded))
end
