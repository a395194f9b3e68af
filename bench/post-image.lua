-- wrk script: POST the image named by the environment variable BENCH_IMAGE as image/png.
local file = assert(io.open(os.getenv("BENCH_IMAGE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "image/png"
