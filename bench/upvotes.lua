-- wrk script: POST /api/papers/{id}/upvote, each request as a random person (bearer token) for a random paper.
-- Files come from bench/upvotes.sh: one token per line, one paper id per line.
local tokens, papers = {}, {}

function init(args)
  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
  for line in io.lines(args[2]) do papers[#papers + 1] = line end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local token = tokens[math.random(#tokens)]
  local paper = papers[math.random(#papers)]
  return wrk.format("POST", "/api/papers/" .. paper .. "/upvote",
    { ["Authorization"] = "Bearer " .. token, ["Content-Length"] = "0" }, "")
end
