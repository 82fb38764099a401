-- wrk: GET /api/v1/positions/{asset} for a random one of the 10,000 seeded positions
math.randomseed(os.time())
request = function()
    return wrk.format("GET", string.format("/api/v1/positions/BENCH%05d", math.random(1, 10000)),
        { ["X-API-Key"] = "bench-key" })
end
