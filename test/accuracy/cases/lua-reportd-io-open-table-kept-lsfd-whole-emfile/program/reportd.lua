-- Report writer: each report gets its own CSV, opened with io.open and kept in a table
-- "to append the footer later"; the footer pass never comes, and the table keeps every
-- handle reachable, so the collector never closes them either.
local dir, logpath = arg[1], arg[2]
local open_reports = {}
local log = assert(io.open(logpath, "a"))
log:setvbuf("line")
local n = 0
while true do
  n = n + 1
  local name = string.format("%s/r-%06d.csv", dir, n)
  local f, err = io.open(name, "w")
  if not f then
    log:write(os.date("!%Y-%m-%d %H:%M:%S"), " reportd: report ", n, " failed: ", err, "\n")
  else
    f:write("id,value\n", n, ",", n * 7, "\n")
    open_reports[n] = f           -- BUG: never f:close(), never removed
    log:write(os.date("!%Y-%m-%d %H:%M:%S"), " reportd: report ", n, " written\n")
  end
  os.execute("sleep 0.1")
end
