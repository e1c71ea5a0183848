-- wrk script: POST /v1/introspect (RFC 7662) of the environment's BENCH_TOKEN, as the
-- introspection client whose HTTP Basic credentials are BENCH_BASIC (base64 of name:password).
local body = "token=" .. os.getenv("BENCH_TOKEN")
local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = "Basic " .. os.getenv("BENCH_BASIC"),
}

function request()
    return wrk.format("POST", nil, headers, body)
end
