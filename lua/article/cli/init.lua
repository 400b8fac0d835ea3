--- The `article` command line tool.  `article help` lists the commands; each
-- subcommand lives in its own module, lua/article/cli/<name>.lua, exporting
-- `run(argv)` (argv[1] is the command name) that returns the exit status.
local article = require "article"
local util = require "article.cli.util"

local M = {}

-- name -> module; aliases point at the same module.
local COMMANDS = {
  extract = "article.cli.extract",
  fetch = "article.cli.extract",
}

local USAGE = [[
usage: article <command> [options]

commands:
  extract FILE|URL...   extract the article from HTML files (or - for stdin) or URLs
  version               print the version
  help                  this text

]]

function M.main(argv)
  argv = argv or {}
  local cmd = argv[1]
  local mod = cmd and COMMANDS[cmd]
  if mod then return require(mod).run(argv)
  elseif cmd == "version" or cmd == "--version" then
    print("lua-article " .. article.version)
    return 0
  elseif cmd == nil or cmd == "help" or cmd == "--help" or cmd == "-h" then
    io.stdout:write(USAGE, require("article.cli.extract").USAGE)
    return cmd == nil and 2 or 0
  end
  return util.die(("unknown command '%s' (see `article help`)"):format(tostring(cmd)))
end

return M
