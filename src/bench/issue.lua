-- wrk script: POST /v1/access_tokens, each request for an address never used before
-- (wrk ... -s issue.lua <url> -- <run id>), so every request issues a token and sends a mail.
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_id", threads)
end

function init(args)
    -- the start time keeps the warm-up's addresses apart from the measured run's
    prefix = "bench-" .. (args[1] or "run") .. "-" .. os.time() .. "-" .. thread_id .. "-"
    counter = 0
end

function request()
    counter = counter + 1
    local body = '{"data":{"type":"access_tokens","attributes":{"email_address":"'
        .. prefix .. counter .. '@example.com"}}}'
    return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
