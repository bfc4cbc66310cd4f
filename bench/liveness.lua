-- wrk script: GET /actuator/health/liveness, the service's floor: no token, no database.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require("common")
wrk.headers["Authorization"] = nil
wrk.path = "/actuator/health/liveness"
