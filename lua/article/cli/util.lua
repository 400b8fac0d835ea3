--- Helpers every subcommand of the `article` tool shares.
local M = {}

--- Prints "article: msg" on stderr and returns the misuse status (2).
function M.die(msg)
  io.stderr:write("article: ", msg, "\n")
  return 2
end

--- Reads a whole file, or stdin for "-".  Returns the bytes or nil, message.
function M.read_file(path)
  local f, err
  if path == "-" then f = io.stdin else f, err = io.open(path, "rb") end
  if not f then return nil, err end
  local data = f:read("*a")
  if f ~= io.stdin then f:close() end
  return data
end

--- True when s looks like an http(s) URL rather than a file name.
function M.is_url(s) return s:match("^[hH][tT][tT][pP][sS]?://") ~= nil end

return M
