-- wrk script: GET /v1/access_tokens/current with a live token, and every tenth request with a
-- revoked one (a failed check, which the audit trail counts), from the environment's
-- BENCH_TOKEN and BENCH_DEAD_TOKEN (wrk ... -s checks.lua <url>).
local live = "Bearer " .. os.getenv("BENCH_TOKEN")
local dead = "Bearer " .. os.getenv("BENCH_DEAD_TOKEN")
local counter = 0

function request()
    counter = counter + 1
    local token = (counter % 10 == 0) and dead or live
    return wrk.format("GET", nil, {["Authorization"] = token})
end
