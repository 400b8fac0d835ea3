-- luacheck configuration: `make lint`
std = "max"
max_line_length = 100
files["tests"] = { std = "+busted" }
files["examples"] = { globals = { "arg" } }
exclude_files = { "build/**" }
